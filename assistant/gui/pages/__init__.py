"""One module per wizard page; each reads and writes the shared :class:`WizardState`."""
