"""The probe: which endpoints an address's servers really offer, and what to use.

``run_probe(email, ProbeOptions(...), on_event=..., cancel=event) -> ProbeReport``; see
:mod:`assistant.probe.runner` for the timing rules and :mod:`assistant.probe.rank` for the
recommendation. Qt-free; the wizard runs it in a worker thread and sets ``cancel``.
"""

from assistant.net import TlsInfo
from assistant.probe.endpoint import check_endpoint
from assistant.probe.model import (
    EndpointResult,
    ProbeEvent,
    ProbeOptions,
    ProbeReport,
    Recommendation,
)
from assistant.probe.runner import candidates_of, run_probe

__all__ = [
    "EndpointResult", "ProbeEvent", "ProbeOptions", "ProbeReport", "Recommendation", "TlsInfo",
    "candidates_of", "check_endpoint", "run_probe",
]
