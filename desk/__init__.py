"""The editorial desk: what people do with claims once the machine has found them.

The workflow (the table of claim actions, the one pattern every action follows, the
transitions), verdict reads, notifications, the review queue and dashboard, the admin
workbench and the desk's API. It sits above `claims` and imports from it; `claims`
imports nothing from here.

The desk has no models of its own: claims, verdicts, the transition log and
notifications stay in `claims` with their migrations (moving models between apps would
mean migrating tables for no gain), and the admin templates keep their
`admin/claims/...` paths, which follow the models' app.
"""
