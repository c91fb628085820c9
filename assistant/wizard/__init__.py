"""The wizard's Qt-free work: the checks its pages start on a pool thread."""
