"""REST API for articles (submit, follow processing), check-worthiness and comparing
figures, and the read serializers of claims, matches and verdicts.

Input serializers validate, the services in claims.services act, output serializers
show; errors the services raise become 400s through the API's exception handler. The
workflow on claims (transitions, hand-work) is the desk's API (desk/api/).
"""

from django.db.models import Count
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.reverse import reverse

from factcheck.api import HasRolePermission
from textcore.alignment import compare_texts

from . import checkworthiness, services
from .filters import ArticleFilter
from .models import Article, Claim, Match, Verdict

# A sentence longer than this is not one sentence; the model reads only its start anyway.
MAX_CHECKWORTHINESS_CHARS = 20_000


class ArticleInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500)
    body = serializers.CharField(trim_whitespace=False, help_text="Plain text or HTML.")
    original_format = serializers.ChoiceField(choices=Article.Format.choices, default="text")
    url = serializers.URLField(required=False, allow_blank=True, default="")
    outlet = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    published = serializers.DateField(required=False, allow_null=True, default=None)


class ArticleOutputSerializer(serializers.ModelSerializer):
    status_url = serializers.SerializerMethodField()
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = (
            "id",
            "title",
            "url",
            "outlet",
            "published",
            "original_format",
            "status",
            "error",
            "attempts",
            "created_at",
            "processed_at",
            "claim_count",
            "status_url",
        )

    def get_status_url(self, article: Article) -> str:
        return reverse("article-detail", args=[article.pk], request=self.context.get("request"))


class MatchOutputSerializer(serializers.ModelSerializer):
    source_key = serializers.CharField(source="passage.source.key")
    source_title = serializers.CharField(source="passage.source.title")
    passage_key = serializers.CharField(source="passage.key")
    passage_locator = serializers.CharField(source="passage.locator")
    passage_text = serializers.CharField(source="passage.text")

    class Meta:
        model = Match
        fields = (
            "id",
            "claim",
            "source_key",
            "source_title",
            "passage_key",
            "passage_locator",
            "passage_text",
            "score",
            "rank",
            "numeric",
            "numeric_detail",
            "decision",
            "decided_at",
        )


class VerdictOutputSerializer(serializers.ModelSerializer):
    rating_label = serializers.CharField(source="get_rating_display")
    evidence = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Verdict
        fields = (
            "id",
            "claim",
            "rating",
            "rating_label",
            "summary",
            "explanation",
            "no_source_explanation",
            "evidence",
            "author",
            "approver",
            "publisher",
            "corrects",
            "correction_note",
            "proposed_at",
            "approved_at",
            "published_at",
        )


# What every view of a claim shows: which claim it is, and where it stands in the workflow.
CLAIM_IDENTITY_FIELDS = ("id", "article", "position", "text")
CLAIM_STANDING_FIELDS = (
    "checkworthiness",
    "state",
    "version",
    "assignee",
    "repeats",
    "needs_rereview",
)


class ClaimOutputSerializer(serializers.ModelSerializer):
    matches = MatchOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = (
            *CLAIM_IDENTITY_FIELDS,
            "sentence",
            "start",
            "end",
            "quantities",
            "years",
            *CLAIM_STANDING_FIELDS,
            "rereview_reason",
            "split_from",
            "merged_into",
            "added_by",
            "matches",
        )


class ClaimSummarySerializer(serializers.ModelSerializer):
    """A claim in a list: its text cut to a summary; the detail endpoint has everything."""

    text = serializers.CharField(source="text_summary")
    text_truncated = serializers.BooleanField()
    match_count = serializers.IntegerField()

    class Meta:
        model = Claim
        fields = (*CLAIM_IDENTITY_FIELDS, "text_truncated", *CLAIM_STANDING_FIELDS, "match_count")


class CheckworthinessInputSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_CHECKWORTHINESS_CHARS,
        help_text="One sentence: from an article, a debate transcript or a post.",
    )


class CheckworthinessFeatureSerializer(serializers.Serializer):
    feature = serializers.CharField(help_text="The model's name for the feature.")
    description = serializers.CharField(help_text="The feature in words.")
    weight = serializers.FloatField(help_text="How far it moved the score (+ raises it).")


class CheckworthinessOutputSerializer(serializers.Serializer):
    score = serializers.FloatField(help_text="In [0, 1]; 0.5 and above is check-worthy.")
    checkworthy = serializers.BooleanField()
    features = CheckworthinessFeatureSerializer(many=True, source="contributions")


def validated_input(serializer_class, data) -> dict:
    """The request's input (`request.data` or query parameters) as the serializer validates
    it; invalid input raises the serializer's ValidationError (a 400)."""
    incoming = serializer_class(data=data)
    incoming.is_valid(raise_exception=True)
    return dict(incoming.validated_data)


class ArticleViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Submit articles for processing and follow their status."""

    lookup_value_regex = "[0-9]+"

    queryset = Article.objects.annotate(claim_count=Count("claims")).order_by("-created_at", "-pk")
    serializer_class = ArticleOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"create": "claims.add_article", "*": "claims.view_article"}
    filterset_class = ArticleFilter

    @extend_schema(request=ArticleInputSerializer, responses={202: ArticleOutputSerializer})
    def create(self, request, *args, **kwargs):
        data = validated_input(ArticleInputSerializer, request.data)
        article = services.ingest_article(submitted_by=request.user, **data)
        # Reloaded with its claim count: in-process processing may already have run.
        article = self.get_queryset().get(pk=article.pk)
        output = ArticleOutputSerializer(article, context={"request": request})
        return Response(output.data, status=status.HTTP_202_ACCEPTED)


class CheckworthinessViewSet(viewsets.ViewSet):
    """Score how check-worthy a sentence is, with the features that explain the score."""

    permission_classes = [HasRolePermission]
    role_permissions = {"*": "claims.view_claim"}

    @extend_schema(
        request=CheckworthinessInputSerializer,
        responses={200: CheckworthinessOutputSerializer},
    )
    def create(self, request):
        data = validated_input(CheckworthinessInputSerializer, request.data)
        assessment = checkworthiness.assess_sentence(text=data["text"])
        return Response(CheckworthinessOutputSerializer(assessment).data)


class CompareInputSerializer(serializers.Serializer):
    # a claim and a passage are a sentence or two
    claim = serializers.CharField(max_length=5_000, trim_whitespace=False)
    passage = serializers.CharField(max_length=5_000, trim_whitespace=False)


class ComparedFigureSerializer(serializers.Serializer):
    text = serializers.CharField()
    value = serializers.FloatField()
    unit = serializers.CharField()
    converted = serializers.FloatField(allow_null=True)
    converted_low = serializers.FloatField(allow_null=True)
    converted_high = serializers.FloatField(allow_null=True)
    converted_unit = serializers.CharField()
    kind = serializers.CharField(help_text="level, change or multiplier")
    direction = serializers.CharField(required=False)
    derived = serializers.CharField(required=False, help_text="how the figure was derived")


class ComparedPairSerializer(serializers.Serializer):
    claim = serializers.CharField(help_text="the claim's figure as written")
    passage = serializers.CharField(help_text="the passage's figure as written")
    relation = serializers.ChoiceField(choices=["agrees", "conflicts"])
    claim_value = ComparedFigureSerializer()
    passage_value = ComparedFigureSerializer()


class CompareOutputSerializer(serializers.Serializer):
    numeric = serializers.ChoiceField(choices=["agrees", "conflicts", "none"])
    pairs = ComparedPairSerializer(many=True)
    reason = serializers.CharField()


class CompareViewSet(viewsets.ViewSet):
    """Compare the figures of a claim with a passage's: the matcher's numeric comparison."""

    permission_classes = [HasRolePermission]
    role_permissions = {"*": "claims.view_match"}

    @extend_schema(request=CompareInputSerializer, responses={200: CompareOutputSerializer})
    def create(self, request):
        data = validated_input(CompareInputSerializer, request.data)
        result = compare_texts(data["claim"], data["passage"]).to_dict()
        return Response(CompareOutputSerializer(result).data)
