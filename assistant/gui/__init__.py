"""The Qt wizard: a thin layer over the Qt-free core (the only package that imports Qt)."""
