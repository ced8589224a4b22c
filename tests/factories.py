"""Model factories for tests."""

import factory
from django.contrib.auth import get_user_model

from claims.models import Article, Claim, Match, Rating, Verdict
from sources.models import Passage, Source
from sources.services import save_passage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@newsroom.example")
    is_staff = True
    password = factory.django.Password("correct horse battery")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    key = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Statistical bulletin {n}")
    publisher = "National Statistics Office"
    kind = "statistics"


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    source = factory.SubFactory(SourceFactory)
    key = factory.Sequence(lambda n: f"p{n}")
    text = "The harbour handled 12 million tonnes of cargo in 2022."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, so search fields and quantities are filled in as in real use.
        return save_passage(model_class(*args, **kwargs))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Harbour report {n}")
    body = "The harbour handled 12 million tonnes of cargo in 2022, its busiest year."
    status = Article.Status.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n)
    text = "The harbour handled 12 million tonnes of cargo in 2022."
    extracted_text = factory.SelfAttribute("text")
    sentence = factory.SelfAttribute("text")
    sentence_start = 0
    sentence_end = factory.LazyAttribute(lambda o: len(o.sentence))
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.sentence))
    checkworthiness = 0.9


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    claim = factory.SubFactory(ClaimFactory)
    passage = factory.SubFactory(PassageFactory)
    score = 80.0


def _in_group(name):
    def add(user, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            from desk.roles import ensure_roles

            if not Group.objects.filter(name=name).exists():
                ensure_roles()
            user.groups.add(Group.objects.get(name=name))

    return add


class FactCheckerFactory(UserFactory):
    """A member of the Fact-checkers group (created by migration 0002)."""

    username = factory.Sequence(lambda n: f"checker{n}")
    role = factory.PostGeneration(_in_group("Fact-checkers"))


class EditorFactory(UserFactory):
    """A member of the Editors group (created by migration 0002)."""

    username = factory.Sequence(lambda n: f"editor{n}")
    role = factory.PostGeneration(_in_group("Editors"))


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    rating = Rating.MOSTLY_TRUE
    summary = "The harbour handled about 12 million tonnes in 2022."
    author = factory.SubFactory(FactCheckerFactory)
    checked_text = factory.SelfAttribute("claim.text")


def publish_as_stored(verdict, *, publisher, evidence=(), at=None):
    """Mark a factory-built verdict published the way stored data looks (no transition
    taken): its evidence set first, then publication with the evidence stored with it."""
    from django.db import transaction
    from django.utils import timezone

    from claims.integrity import workflow_action
    from desk import workflow

    verdict.evidence.set(evidence)
    with transaction.atomic(), workflow_action():
        Verdict.objects.filter(pk=verdict.pk).update(
            publisher=publisher,
            published_at=at or timezone.now(),
            published_evidence=workflow.cited_evidence(verdict),
        )
    verdict.refresh_from_db()
    return verdict
