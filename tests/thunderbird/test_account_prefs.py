"""Key allocation, merging next to other accounts, and update instead of duplicate."""

from __future__ import annotations

from assistant.clients.thunderbird.account_prefs import plan_account, server_uri
from assistant.clients.thunderbird.prefs_syntax import PrefValue, parse_prefs, pref_map
from assistant.settings import PopOptions
from tests.thunderbird.helpers import OTHER_ACCOUNT_PREFS, account


def other_profile() -> dict[str, PrefValue]:
    return pref_map(parse_prefs(OTHER_ACCOUNT_PREFS.encode()))


def test_fresh_profile_gets_first_keys_and_default() -> None:
    plan = plan_account({}, account())
    c = plan.changes
    assert (plan.account_key, plan.server_key, plan.identity_key, plan.smtp_key) == (
        "account1", "server1", "id1", "smtp1")
    assert c["mail.accountmanager.accounts"] == "account1"
    assert c["mail.accountmanager.defaultaccount"] == "account1"
    assert c["mail.account.lastKey"] == 1
    assert c["mail.smtpservers"] == "smtp1" and c["mail.smtp.defaultserver"] == "smtp1"
    assert c["mail.server.server1.socketType"] == 3
    assert c["mail.server.server1.port"] == 993
    assert c["mail.server.server1.authMethod"] == 3
    assert c["mail.server.server1.login_at_startup"] is True
    assert c["mail.smtpserver.smtp1.try_ssl"] == 2
    assert c["mail.smtpserver.smtp1.username"] == "alice@church.test"
    assert "mail.smtpserver.smtp1.socketType" not in c
    assert c["mail.identity.id1.fcc_folder"] == "imap://alice%40church.test@mail.church.test/Sent"
    assert not plan.updated_existing


def test_gaps_lastkey_and_orphans_are_respected() -> None:
    before = other_profile()
    plan = plan_account(before, account())
    c = plan.changes
    # lastKey 4 > any listed account → account5; server2 is free (server1, server3 used);
    # id2 free; smtp2 has an orphan pref, so smtp3.
    assert (plan.account_key, plan.server_key, plan.identity_key, plan.smtp_key) == (
        "account5", "server2", "id2", "smtp3")
    assert c["mail.account.lastKey"] == 5
    assert c["mail.accountmanager.accounts"] == "account1,account3,account5"
    assert c["mail.smtpservers"] == "smtp1,smtp3"
    # The existing default account and default SMTP server stay.
    assert "mail.accountmanager.defaultaccount" not in c
    assert "mail.smtp.defaultserver" not in c
    # Nothing of the other account or Local Folders changes.
    touched = {n for n in c if n.startswith(("mail.server.server1.", "mail.server.server3.",
                                             "mail.identity.id1.", "mail.smtpserver.smtp1."))}
    assert touched == set()


def test_default_is_set_when_only_local_folders_exist() -> None:
    before: dict[str, PrefValue] = {
        "mail.accountmanager.accounts": "account1",
        "mail.accountmanager.defaultaccount": "account1",
        "mail.account.account1.server": "server1",
        "mail.server.server1.type": "none",
        "mail.accountmanager.localfoldersserver": "server1",
        "mail.account.lastKey": 1,
    }
    plan = plan_account(before, account())
    assert plan.account_key == "account2" and plan.server_key == "server2"
    assert plan.changes["mail.accountmanager.defaultaccount"] == "account2"
    assert plan.changes["mail.accountmanager.accounts"] == "account1,account2"


def test_rerun_changes_nothing_and_update_touches_only_the_difference() -> None:
    first = plan_account({}, account())
    assert plan_account(first.changes, account()).changes == {}
    again = plan_account(first.changes, account(outgoing="smtp:mail.church.test:465:tls"))
    assert again.updated_existing
    assert again.changes == {"mail.smtpserver.smtp1.port": 465,
                             "mail.smtpserver.smtp1.try_ssl": 3}
    # The address is compared without case: the same account, not a second one.
    upper = plan_account(first.changes, account(email="ALICE@church.test"))
    assert upper.updated_existing and upper.account_key == "account1"
    assert "mail.accountmanager.accounts" not in upper.changes


def test_shared_smtp_server_is_not_changed_for_the_other_identity() -> None:
    before = other_profile()
    before["mail.identity.id2.useremail"] = "alice@church.test"
    before["mail.identity.id2.smtpServer"] = "smtp1"  # shared with the other account's id1
    before["mail.account.account5.server"] = "server2"
    before["mail.account.account5.identities"] = "id2"
    before["mail.server.server2.type"] = "imap"
    before["mail.accountmanager.accounts"] = "account1,account3,account5"
    plan = plan_account(before, account())
    assert plan.updated_existing and plan.account_key == "account5"
    assert plan.smtp_key == "smtp3"
    assert not any(n.startswith("mail.smtpserver.smtp1.") for n in plan.changes)


def test_protocol_change_gives_the_account_a_new_server() -> None:
    first = plan_account({}, account()).changes
    plan = plan_account(first, account(incoming="pop3:mail.church.test:995:tls"))
    assert plan.updated_existing and plan.server_key == "server2"
    assert plan.changes["mail.account.account1.server"] == "server2"
    assert plan.changes["mail.server.server2.type"] == "pop3"
    assert "mail.accountmanager.accounts" not in plan.changes


def test_pop_options() -> None:
    keep = plan_account({}, account(incoming="pop3:mail.church.test:110:starttls")).changes
    assert keep["mail.server.server1.leave_on_server"] is True
    assert keep["mail.server.server1.delete_mail_left_on_server"] is True
    assert keep["mail.server.server1.delete_by_age_from_server"] is False
    assert keep["mail.server.server1.socketType"] == 2
    assert keep["mail.server.server1.download_on_biff"] is True
    assert "mail.server.server1.num_days_to_leave_on_server" not in keep
    days = plan_account({}, account(incoming="pop3:mail.church.test:995:tls",
                                    pop=PopOptions(delete_after_days=30))).changes
    assert days["mail.server.server1.delete_by_age_from_server"] is True
    assert days["mail.server.server1.num_days_to_leave_on_server"] == 30
    gone = plan_account({}, account(incoming="pop3:mail.church.test:995:tls",
                                    pop=PopOptions(leave_on_server=False))).changes
    assert gone["mail.server.server1.leave_on_server"] is False
    assert gone["mail.identity.id1.fcc_folder"].startswith("mailbox://")  # type: ignore[union-attr]


def test_login_differs_from_address_and_is_uri_escaped() -> None:
    acc = account(login="bob.smith+x")
    plan = plan_account({}, acc).changes
    assert plan["mail.server.server1.userName"] == "bob.smith+x"
    assert plan["mail.smtpserver.smtp1.username"] == "bob.smith+x"
    assert server_uri(acc) == "imap://bob.smith%2Bx@mail.church.test"


def test_non_ascii_login_is_refused_for_smtp() -> None:
    import pytest

    from assistant.errors import AssistantError

    with pytest.raises(AssistantError) as info:
        plan_account({}, account(login="山田"))
    assert info.value.code == "thunderbird.smtp_login_not_ascii"
