"""The editors' desk dashboard: figures from the workflow log, laid out as SVG charts.

`build()` returns plain data: for each chart the rows of its table and the geometry of
its bars, so the template draws server-rendered SVG with no JavaScript and escapes every
label.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict

from django.db.models import Count, F, Max, Q
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from claims.models import Claim, ClaimState, Rating, TransitionLog, Verdict
from desk.notifications import reviewers

CHART_WIDTH = 640
LABEL_WIDTH = 170
BAR_HEIGHT = 22
BAR_GAP = 8
WEEKS = 8
WAIT_WINDOW_DAYS = 90

# States where a claim waits for nobody.
FINISHED_STATES = (
    ClaimState.PUBLISHED,
    ClaimState.DISMISSED,
    ClaimState.SPLIT,
    ClaimState.MERGED,
)
STATE_COLOURS = {
    ClaimState.EXTRACTED: "#8c96a0",
    ClaimState.IN_REVIEW: "#2f7ed8",
    ClaimState.AWAITING_APPROVAL: "#e6a117",
    ClaimState.APPROVED: "#6aa84f",
    ClaimState.PUBLISHED: "#2e7d32",
    ClaimState.DISMISSED: "#b0b0b0",
    ClaimState.SPLIT: "#c9b3d9",
    ClaimState.MERGED: "#d9c3a6",
}
RATING_COLOURS = {
    Rating.TRUE: "#1b7837",
    Rating.MOSTLY_TRUE: "#7fbf7b",
    Rating.HALF_TRUE: "#d9d98c",
    Rating.MISLEADING: "#f1a340",
    Rating.MOSTLY_FALSE: "#e66101",
    Rating.FALSE: "#b2182b",
    Rating.UNVERIFIABLE: "#999999",
}


def bar_chart(rows: list[tuple[str, float, str]], *, colours: list[str] | None = None) -> dict:
    """Horizontal bars for (label, value, shown value) rows, scaled to the largest value."""
    top = max((value for _, value, _ in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    bars = []
    for i, (label, value, shown) in enumerate(rows):
        y = i * (BAR_HEIGHT + BAR_GAP)
        width = round(span * value / top, 1)
        bars.append(
            {
                "label": label,
                "shown": shown,
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
                "colour": (colours or [])[i] if colours and i < len(colours) else "#2f7ed8",
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": max(1, len(rows)) * (BAR_HEIGHT + BAR_GAP),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "bars": bars,
    }


def claims_by_state() -> dict:
    counts = dict(Claim.objects.values_list("state").annotate(n=Count("pk")))
    rows = [
        (state.label, counts.get(state.value, 0), str(counts.get(state.value, 0)))
        for state in ClaimState
    ]
    return {
        "rows": rows,
        "chart": bar_chart(rows, colours=[STATE_COLOURS[s] for s in ClaimState]),
    }


def _hours(delta: dt.timedelta) -> float:
    return delta.total_seconds() / 3600


def waits_by_state(now: dt.datetime | None = None) -> dict:
    """How long claims stay in each state: finished stays (last 90 days) and current waits."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=WAIT_WINDOW_DAYS)
    stays: dict[str, list[float]] = defaultdict(list)
    entered: dict[int, dt.datetime] = {}
    logs = (
        TransitionLog.objects.filter(claim__created_at__gte=since)
        .exclude(from_state=F("to_state"))
        .order_by("claim_id", "created_at", "pk")
        .values_list("claim_id", "claim__created_at", "from_state", "created_at")
    )
    for claim_id, created, from_state, at in logs:
        start = entered.get(claim_id, created)
        stays[from_state].append(_hours(at - start))
        entered[claim_id] = at
    waiting = (
        Claim.objects.exclude(state__in=[*FINISHED_STATES])
        .annotate(
            since=Coalesce(
                Max(
                    "transitions__created_at",
                    filter=~Q(transitions__from_state=F("transitions__to_state")),
                ),
                "created_at",
            )
        )
        .values_list("state", "since")
    )
    current: dict[str, list[float]] = defaultdict(list)
    for state, start in waiting:
        current[state].append(_hours(now - start))
    table = []
    for state in ClaimState:
        done, open_ = stays.get(state.value, []), current.get(state.value, [])
        table.append(
            {
                "state": state.label,
                "finished": len(done),
                "median": statistics.median(done) if done else None,
                "mean": statistics.fmean(done) if done else None,
                "waiting": len(open_),
                "oldest": max(open_) if open_ else None,
            }
        )
    rows = [
        (row["state"], row["median"] or 0, _fmt_hours(row["median"]))
        for row in table
        if row["state"] not in [s.label for s in FINISHED_STATES]
    ]
    colours = [STATE_COLOURS[s] for s in ClaimState if s not in FINISHED_STATES]
    return {"table": table, "chart": bar_chart(rows, colours=colours)}


def _fmt_hours(hours: float | None) -> str:
    if hours is None:
        return "–"
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} d"


def verdicts_by_rating(now: dt.datetime | None = None) -> dict:
    """Published verdicts per week and rating, as stacked columns."""
    now = now or timezone.now()
    this_week = (now - dt.timedelta(days=now.weekday())).date()
    weeks = [this_week - dt.timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    counts: dict[dt.date, Counter] = {week: Counter() for week in weeks}
    rows = (
        Verdict.objects.filter(published_at__date__gte=weeks[0])
        .annotate(week=TruncWeek("published_at"))
        .values_list("week", "rating")
        .annotate(n=Count("pk"))
    )
    for week, rating, n in rows:
        key = week.date() if isinstance(week, dt.datetime) else week
        if key in counts:
            counts[key][rating] += n
    top = max((sum(c.values()) for c in counts.values()), default=0) or 1
    plot_height, column_width, left, top_margin = 180, 52, 40, 18
    columns = []
    for i, week in enumerate(weeks):
        x, y = left + i * (column_width + 14), top_margin + plot_height
        segments = []
        for rating in Rating:
            n = counts[week][rating.value]
            if not n:
                continue
            height = plot_height * n / top
            y -= height
            segments.append(
                {
                    "y": round(y, 1),
                    "height": round(height, 1),
                    "colour": RATING_COLOURS[rating],
                    "label": f"{rating.label}: {n}",
                }
            )
        columns.append(
            {
                "x": x,
                "label": week.strftime("%d %b"),
                "label_x": x + column_width / 2,
                "total": sum(counts[week].values()),
                "total_y": round(y - 4, 1),
                "segments": segments,
            }
        )
    table = [
        {
            "week": week.strftime("%d %b %Y"),
            "counts": [counts[week][r.value] for r in Rating],
            "total": sum(counts[week].values()),
        }
        for week in weeks
    ]
    return {
        "chart": {
            "width": left + WEEKS * (column_width + 14),
            "height": top_margin + plot_height + 24,
            "axis_y": top_margin + plot_height,
            "column_width": column_width,
            "columns": columns,
        },
        "legend": [{"label": r.label, "colour": RATING_COLOURS[r]} for r in Rating],
        "ratings": [r.label for r in Rating],
        "table": table,
    }


def load_by_fact_checker(now: dt.datetime | None = None) -> dict:
    """Per person: claims in review, verdicts awaiting approval, published in 30 days."""
    now = now or timezone.now()
    month = now - dt.timedelta(days=30)
    people = (
        reviewers()
        .annotate(
            in_review=Count(
                "assigned_claims",
                filter=Q(assigned_claims__state=ClaimState.IN_REVIEW),
                distinct=True,
            ),
            awaiting=Count(
                "verdicts_written",
                filter=Q(
                    verdicts_written__claim__state=ClaimState.AWAITING_APPROVAL,
                    verdicts_written__published_at__isnull=True,
                ),
                distinct=True,
            ),
            published=Count(
                "verdicts_written",
                filter=Q(verdicts_written__published_at__gte=month),
                distinct=True,
            ),
        )
        .order_by("-in_review", "-awaiting", "username")
    )
    table = [
        {
            "name": person.get_full_name() or person.get_username(),
            "in_review": person.in_review,
            "awaiting": person.awaiting,
            "published": person.published,
        }
        for person in people
    ]
    rows = [
        (row["name"], row["in_review"] + row["awaiting"], f"{row['in_review']} + {row['awaiting']}")
        for row in table
    ]
    return {"table": table, "chart": bar_chart(rows)}


def build(now: dt.datetime | None = None) -> dict:
    """Everything the dashboard shows."""
    return {
        "by_state": claims_by_state(),
        "waits": waits_by_state(now),
        "ratings": verdicts_by_rating(now),
        "load": load_by_fact_checker(now),
    }
