"""REST API for articles, claims, matches and verdicts.

Input serializers validate, the services in claims.services / claims.workflow /
claims.review act, output serializers show. The API takes exactly the same
transitions and rules as the admin because both call the same services.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse

from factcheck.api import HasRolePermission
from textcore.alignment import compare_texts

from . import checkworthiness, desk_warnings, review, selectors, services, workflow
from .filters import ArticleFilter, ClaimFilter
from .models import Article, Claim, Match, Rating, Verdict

# A sentence longer than this is not one sentence; the model reads only its start anyway.
MAX_CHECKWORTHINESS_CHARS = 20_000

# --- Permissions ---------------------------------------------------------------------------


class TransitionConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Someone else changed this claim first."
    default_code = "conflict"


def _run(service, **kwargs):
    """Call a workflow service, turning its errors into API errors with readable messages."""
    try:
        return service(**kwargs)
    except workflow.ConcurrentUpdate as exc:
        raise TransitionConflict(str(exc)) from None
    except workflow.NotAllowed as exc:
        raise exceptions.PermissionDenied(str(exc)) from None
    except workflow.TransitionError as exc:
        raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from None
    except DjangoValidationError as exc:
        raise exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "message_dict") else {"non_field_errors": exc.messages}
        ) from None


# --- Serializers ---------------------------------------------------------------------------


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


class ClaimOutputSerializer(serializers.ModelSerializer):
    matches = MatchOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = (
            "id",
            "article",
            "position",
            "text",
            "sentence",
            "start",
            "end",
            "quantities",
            "years",
            "checkworthiness",
            "state",
            "version",
            "assignee",
            "repeats",
            "needs_rereview",
            "rereview_reason",
            "split_from",
            "merged_into",
            "added_by",
            "matches",
        )


class FiguresOutputSerializer(serializers.Serializer):
    claim = serializers.CharField(help_text="The claim's figure as written.")
    passage = serializers.CharField(help_text="The passage's figure as written.")


class WarningOutputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[desk_warnings.UNREVIEWED_CONFLICT, desk_warnings.FOUR_EYES_UNMET]
    )
    match = serializers.IntegerField(required=False, help_text="Numeric conflicts only.")
    passage = serializers.CharField(required=False, help_text="Numeric conflicts only.")
    source_title = serializers.CharField(required=False, help_text="Numeric conflicts only.")
    figures = FiguresOutputSerializer(many=True, required=False)
    message = serializers.CharField()


class ClaimWithWarningsOutputSerializer(ClaimOutputSerializer):
    """The claim after an action, with what the person acting should know (never a refusal)."""

    warnings = serializers.SerializerMethodField()

    class Meta(ClaimOutputSerializer.Meta):
        fields = (*ClaimOutputSerializer.Meta.fields, "warnings")

    @extend_schema_field(WarningOutputSerializer(many=True))
    def get_warnings(self, claim: Claim) -> list[dict]:
        request = self.context.get("request")
        return desk_warnings.warnings_for(claim=claim, user=getattr(request, "user", None))


class CorrectionStartOutputSerializer(serializers.Serializer):
    rating = serializers.CharField()
    summary = serializers.CharField()
    explanation = serializers.CharField()
    no_source_explanation = serializers.CharField()
    correction_note = serializers.CharField()
    evidence = serializers.ListField(child=serializers.IntegerField())


class ClaimCorrectionOutputSerializer(ClaimOutputSerializer):
    """The claim once a correction started, with what the new verdict starts from."""

    correction_start = serializers.SerializerMethodField()

    class Meta(ClaimOutputSerializer.Meta):
        fields = (*ClaimOutputSerializer.Meta.fields, "correction_start")

    @extend_schema_field(CorrectionStartOutputSerializer(allow_null=True))
    def get_correction_start(self, claim: Claim) -> dict | None:
        return workflow.correction_start(claim)


class ClaimSummarySerializer(serializers.ModelSerializer):
    """A claim in a list: its text cut to a summary; the detail endpoint has everything."""

    text = serializers.CharField(source="text_summary")
    text_truncated = serializers.BooleanField()
    match_count = serializers.IntegerField()

    class Meta:
        model = Claim
        fields = (
            "id",
            "article",
            "position",
            "text",
            "text_truncated",
            "checkworthiness",
            "state",
            "version",
            "assignee",
            "repeats",
            "needs_rereview",
            "match_count",
        )


class VersionInputSerializer(serializers.Serializer):
    expected_version = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The claim version you saw; a newer one makes the request fail with 409.",
    )


class CommentInputSerializer(VersionInputSerializer):
    comment = serializers.CharField(max_length=5000)


class ReasonInputSerializer(VersionInputSerializer):
    reason = serializers.CharField(max_length=5000)


class NoteInputSerializer(VersionInputSerializer):
    note = serializers.CharField(max_length=5000)


class TextInputSerializer(VersionInputSerializer):
    text = serializers.CharField(max_length=5000)


class VerdictInputSerializer(VersionInputSerializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    summary = serializers.CharField(max_length=5000)
    explanation = serializers.CharField(required=False, allow_blank=True, default="")
    evidence = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        allow_null=True,
        default=None,
        help_text="Ids of accepted matches to cite; default: every accepted match.",
    )
    no_source_explanation = serializers.CharField(required=False, allow_blank=True, default="")
    correction_note = serializers.CharField(required=False, allow_blank=True, default="")


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


def _validated(serializer_class, request) -> dict:
    incoming = serializer_class(data=request.data)
    incoming.is_valid(raise_exception=True)
    return dict(incoming.validated_data)


# --- Views ---------------------------------------------------------------------------------


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
        data = _validated(ArticleInputSerializer, request)
        article = _run(services.ingest_article, submitted_by=request.user, **data)
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
        data = _validated(CheckworthinessInputSerializer, request)
        assessment = checkworthiness.assess_sentence(text=data["text"])
        return Response(CheckworthinessOutputSerializer(assessment).data)


def _transition(serializer_class, output=ClaimOutputSerializer, **schema):
    """Schema for a POST transition: its input serializer in, the claim out."""
    return extend_schema(
        request=serializer_class,
        responses={
            200: output,
            400: OpenApiResponse(description="The input or the claim's state does not allow it."),
            403: OpenApiResponse(description="Your role may not take this transition."),
            409: OpenApiResponse(description="Someone else changed the claim first."),
        },
        **schema,
    )


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """The newsroom's claims, with quantities and matches, and their workflow transitions."""

    lookup_value_regex = "[0-9]+"

    serializer_class = ClaimOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"*": "claims.view_claim"}
    filterset_class = ClaimFilter

    def get_queryset(self):
        if self.action == "list":
            return selectors.claim_summaries()
        return (
            Claim.objects.select_related("article")
            .prefetch_related("matches__passage__source")
            .order_by("article_id", "position")
        )

    def get_serializer_class(self):
        return ClaimSummarySerializer if self.action == "list" else ClaimOutputSerializer

    def _respond(self, claim: Claim, output=ClaimOutputSerializer) -> Response:
        claim = self.get_queryset().get(pk=claim.pk)
        return Response(output(claim, context={"request": self.request}).data)

    @_transition(VersionInputSerializer)
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, pk=None):
        data = _validated(VersionInputSerializer, request)
        claim = _run(workflow.start_review, claim=self.get_object(), user=request.user, **data)
        return self._respond(claim)

    @_transition(VerdictInputSerializer, output=ClaimWithWarningsOutputSerializer)
    @action(detail=True, methods=["post"], url_path="propose-verdict")
    def propose_verdict(self, request, pk=None):
        data = _validated(VerdictInputSerializer, request)
        claim = self.get_object()
        if data["evidence"] is not None:
            data["evidence"] = list(claim.matches.filter(pk__in=data["evidence"]))
        _run(workflow.propose_verdict, claim=claim, author=request.user, **data)
        return self._respond(claim, ClaimWithWarningsOutputSerializer)

    @_transition(VersionInputSerializer, output=ClaimWithWarningsOutputSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        data = _validated(VersionInputSerializer, request)
        claim = self.get_object()
        _run(workflow.approve_verdict, claim=claim, editor=request.user, **data)
        return self._respond(claim, ClaimWithWarningsOutputSerializer)

    @_transition(CommentInputSerializer)
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        data = _validated(CommentInputSerializer, request)
        claim = self.get_object()
        _run(workflow.request_changes, claim=claim, editor=request.user, **data)
        return self._respond(claim)

    @_transition(VersionInputSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        data = _validated(VersionInputSerializer, request)
        claim = self.get_object()
        _run(workflow.publish, claim=claim, editor=request.user, **data)
        return self._respond(claim)

    @_transition(ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        data = _validated(ReasonInputSerializer, request)
        claim = self.get_object()
        _run(workflow.dismiss, claim=claim, user=request.user, **data)
        return self._respond(claim)

    @_transition(NoteInputSerializer, output=ClaimCorrectionOutputSerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        data = _validated(NoteInputSerializer, request)
        claim = self.get_object()
        _run(workflow.correct_verdict, claim=claim, user=request.user, **data)
        return self._respond(claim, ClaimCorrectionOutputSerializer)

    @_transition(TextInputSerializer)
    @action(detail=True, methods=["post"], url_path="edit-text")
    def edit_text(self, request, pk=None):
        data = _validated(TextInputSerializer, request)
        claim = self.get_object()
        _run(review.edit_claim_text, claim=claim, user=request.user, **data)
        return self._respond(claim)


class MatchViewSet(viewsets.ReadOnlyModelViewSet):
    """Matches of claims to passages; the claim's assignee accepts or rejects them."""

    lookup_value_regex = "[0-9]+"

    serializer_class = MatchOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"*": "claims.view_match"}
    queryset = Match.objects.select_related("passage__source").order_by("claim_id", "rank")

    def _decide(self, request, service):
        data = _validated(VersionInputSerializer, request)
        match = _run(service, match=self.get_object(), user=request.user, **data)
        return Response(MatchOutputSerializer(match).data)

    @extend_schema(request=VersionInputSerializer, responses={200: MatchOutputSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._decide(request, review.accept_evidence)

    @extend_schema(request=VersionInputSerializer, responses={200: MatchOutputSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._decide(request, review.reject_evidence)


class VerdictViewSet(viewsets.ReadOnlyModelViewSet):
    """Every verdict, drafts included (newsroom only)."""

    lookup_value_regex = "[0-9]+"

    serializer_class = VerdictOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"*": "claims.view_verdict"}
    queryset = Verdict.objects.prefetch_related("evidence").order_by("-created_at", "-pk")


# --- Numeric comparison --------------------------------------------------------------------


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
        data = _validated(CompareInputSerializer, request)
        result = compare_texts(data["claim"], data["passage"]).to_dict()
        return Response(CompareOutputSerializer(result).data)
