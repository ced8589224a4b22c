"""The desk's REST API: claims and their workflow (claims), hand-work (hand_work), and
the exception handler that maps the actions' errors (errors)."""
