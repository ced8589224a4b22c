"""Pure text processing shared by the apps: segmenting, cleaning, quantities and units,
claim splitting, check-worthiness scoring and match scoring.

No Django here and nothing from the apps: every function takes and returns plain data,
so the package can be imported, tested and benchmarked on its own.
"""
