# PyInstaller runtime hook, run before the other hooks (which import PySide6): pause Python's
# garbage collector for the start. Everything created until the first page is painted lives
# as long as the program; collecting meanwhile only walks it. assistant.cli resumes collection
# at once for a command, the wizard's warm-up after the first paint.
import gc

gc.disable()
