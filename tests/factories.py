"""Model factories for tests."""

import factory
from django.contrib.auth import get_user_model

from claims.models import Article, Claim, Match
from sources.models import Passage, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")


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
