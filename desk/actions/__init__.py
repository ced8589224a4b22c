"""What a fact-checker does by hand, one module per kind of action (Zulip's `actions`).

Each action checks who may act and what it is given before it writes anything, then
writes in one transaction with history; the admin and the API both call these.
"""
