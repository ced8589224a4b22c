"""REST API for the claims and the workflow on them: read claims, matches and verdicts,
take transitions, weigh evidence, edit the claim text.

Input serializers validate, one action of the desk acts, output serializers show. The
API takes exactly the same actions and rules as the admin because both call the same
actions; the errors those raise become 400/403/409 in the API's exception handler
(desk.api.errors).
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import selectors
from claims.api import (
    ClaimOutputSerializer,
    ClaimSummarySerializer,
    MatchOutputSerializer,
    VerdictOutputSerializer,
    validated_input,
)
from claims.filters import ClaimFilter
from claims.models import Claim, Match, Rating, Verdict
from factcheck.api import HasRolePermission

from .. import action_warnings, review, workflow


class FiguresOutputSerializer(serializers.Serializer):
    claim = serializers.CharField(help_text="The claim's figure as written.")
    passage = serializers.CharField(help_text="The passage's figure as written.")


class WarningOutputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[action_warnings.UNREVIEWED_CONFLICT, action_warnings.FOUR_EYES_UNMET]
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
        return action_warnings.warnings_for(claim=claim, user=getattr(request, "user", None))


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


def _transition(serializer_class, output=ClaimOutputSerializer, *, name: str, **schema):
    """Schema for a POST action `name`: its label from the table of actions, its input
    serializer in, the claim out."""
    return extend_schema(
        summary=workflow.ACTIONS[name].label,
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

    @_transition(VersionInputSerializer, name="start_review")
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, pk=None):
        data = validated_input(VersionInputSerializer, request.data)
        claim = workflow.start_review(claim=self.get_object(), user=request.user, **data)
        return self._respond(claim)

    @_transition(
        VerdictInputSerializer, output=ClaimWithWarningsOutputSerializer, name="propose_verdict"
    )
    @action(detail=True, methods=["post"], url_path="propose-verdict")
    def propose_verdict(self, request, pk=None):
        data = validated_input(VerdictInputSerializer, request.data)
        claim = self.get_object()
        if data["evidence"] is not None:
            data["evidence"] = list(claim.matches.filter(pk__in=data["evidence"]))
        workflow.propose_verdict(claim=claim, author=request.user, **data)
        return self._respond(claim, ClaimWithWarningsOutputSerializer)

    @_transition(
        VersionInputSerializer, output=ClaimWithWarningsOutputSerializer, name="approve_verdict"
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        data = validated_input(VersionInputSerializer, request.data)
        claim = self.get_object()
        workflow.approve_verdict(claim=claim, editor=request.user, **data)
        return self._respond(claim, ClaimWithWarningsOutputSerializer)

    @_transition(CommentInputSerializer, name="request_changes")
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        data = validated_input(CommentInputSerializer, request.data)
        claim = self.get_object()
        workflow.request_changes(claim=claim, editor=request.user, **data)
        return self._respond(claim)

    @_transition(VersionInputSerializer, name="publish")
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        data = validated_input(VersionInputSerializer, request.data)
        claim = self.get_object()
        workflow.publish(claim=claim, editor=request.user, **data)
        return self._respond(claim)

    @_transition(ReasonInputSerializer, name="dismiss")
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        data = validated_input(ReasonInputSerializer, request.data)
        claim = self.get_object()
        workflow.dismiss(claim=claim, user=request.user, **data)
        return self._respond(claim)

    @_transition(
        NoteInputSerializer, output=ClaimCorrectionOutputSerializer, name="correct_verdict"
    )
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        data = validated_input(NoteInputSerializer, request.data)
        claim = self.get_object()
        workflow.correct_verdict(claim=claim, user=request.user, **data)
        return self._respond(claim, ClaimCorrectionOutputSerializer)

    @_transition(TextInputSerializer, name="edit_claim_text")
    @action(detail=True, methods=["post"], url_path="edit-text")
    def edit_text(self, request, pk=None):
        data = validated_input(TextInputSerializer, request.data)
        claim = self.get_object()
        review.edit_claim_text(claim=claim, user=request.user, **data)
        return self._respond(claim)


class MatchViewSet(viewsets.ReadOnlyModelViewSet):
    """Matches of claims to passages; the claim's assignee accepts or rejects them."""

    lookup_value_regex = "[0-9]+"

    serializer_class = MatchOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"*": "claims.view_match"}
    queryset = Match.objects.select_related("passage__source").order_by("claim_id", "rank")

    def _decide(self, request, service):
        data = validated_input(VersionInputSerializer, request.data)
        match = service(match=self.get_object(), user=request.user, **data)
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
