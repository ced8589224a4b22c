import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from claims import services
from claims.models import Article, Match, Rating
from desk import review, workflow
from desk.roles import EDITORS, FACT_CHECKERS
from sources.files import parse_library_file
from sources.services import import_records

DEMO_DIR = Path(settings.BASE_DIR) / "demo"
DEMO_TITLE = "North Sea wind farms now power millions of British homes"
# The rare-earths story: a hand-written library in which one source agrees with the
# article's figures and one deliberately conflicts (about 90 against more than 99 percent).
RARE_EARTHS_TITLE = "US-China Negotiations Conclude with Preliminary Agreement to Pause Trade War"
DEMO_USERS = (("factchecker", FACT_CHECKERS), ("editor", EDITORS))


class Command(BaseCommand):
    help = "Load the demo source library, article and users (safe to run again)."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "demo-password-2025")
        with transaction.atomic():
            for username, role in DEMO_USERS:
                user, created = get_user_model().objects.get_or_create(
                    username=username, defaults={"is_staff": True}
                )
                if created:
                    user.set_password(password)
                    user.save()
                user.groups.add(Group.objects.get(name=role))
            records = [
                *parse_library_file(DEMO_DIR / "sources.jsonl"),
                *parse_library_file(DEMO_DIR / "rare-earths-sources.jsonl"),
            ]
            summary = import_records(records)
        self.stdout.write(
            f"Demo library: {summary.passages_total} passages in {len(records)} sources"
        )
        article = self._load_article(DEMO_TITLE, "article.txt")
        if article is not None:
            published = self._publish_one_fact_check(article)
            if published:
                self.stdout.write(f"Demo fact-check published: {published.text}")
        self._load_article(RARE_EARTHS_TITLE, "rare-earths-article.txt")
        for username, role in DEMO_USERS:
            self.stdout.write(f"Demo user {username!r} ({role}), password: {password}")
        self.stdout.write(
            "API token: log in to /admin/ as either user, open “API tokens” in the header "
            "(/admin/api-tokens/), create one and send it as “Authorization: Token <key>”, e.g.\n"
            "  curl -H 'Authorization: Token <key>' http://127.0.0.1:8000/api/claims/"
        )

    def _load_article(self, title: str, filename: str) -> Article | None:
        """Submit and process a demo article, unless it is there already (then None)."""
        if Article.objects.filter(title=title).exists():
            return None
        article = services.ingest_article(
            title=title,
            body=(DEMO_DIR / filename).read_text(encoding="utf-8"),
            outlet="Demo Gazette",
            queue=False,
        )
        article = services.process_article(article.pk)
        self.stdout.write(f"Demo article {article.pk}: {article.claims.count()} claims")
        return article

    def _publish_one_fact_check(self, article):
        """Take the claim whose numbers conflict with a source through the whole workflow.

        The demo users act through the same services as the admin, so the public pages
        have a fact-check to show.
        """
        claim = (
            article.claims.filter(matches__numeric=Match.Numeric.CONFLICTS, matches__rank=0)
            .order_by("-checkworthiness", "position")
            .first()
        )
        if claim is None:
            return None
        User = get_user_model()
        checker, editor = (
            User.objects.get(username="factchecker"),
            User.objects.get(username="editor"),
        )
        evidence = claim.matches.get(rank=0)
        workflow.start_review(claim=claim, user=checker)
        review.accept_evidence(match=evidence, user=checker)
        workflow.propose_verdict(
            claim=claim,
            author=checker,
            rating=Rating.FALSE,
            summary=f"The source says otherwise: {evidence.passage.text}",
            explanation=(
                f"{evidence.passage.source.publisher} gives a different figure "
                f"({evidence.passage.source.title}, {evidence.passage.locator})."
            ),
        )
        workflow.approve_verdict(claim=claim, editor=editor)
        workflow.publish(claim=claim, editor=editor)
        return claim
