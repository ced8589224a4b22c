"""The public API: published fact-checks for anyone, read from the same published
snapshot as the public pages (public.selectors), never from the live claim."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, permissions, serializers, viewsets
from rest_framework.response import Response

from . import fact_checks, selectors
from .claim_review import claim_review

# Ids beyond PostgreSQL's integer range name nothing; refused before they reach a query.
LARGEST_ID = 2**31 - 1


class PublicFactCheckSummarySerializer(serializers.Serializer):
    """One fact-check in the list: the claim as checked and its current rating."""

    id = serializers.IntegerField(source="claim_id")
    claim = serializers.CharField(source="checked_text")
    rating = serializers.CharField()
    rating_label = serializers.CharField(source="get_rating_display")
    summary = serializers.CharField()
    published_at = serializers.DateTimeField()
    corrected = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_corrected(self, verdict) -> bool:
        return verdict.corrects_id is not None

    def get_url(self, verdict) -> str:
        path = fact_checks.fact_check_path(verdict.claim_id, verdict.checked_text)
        return fact_checks.absolute_url(self.context["request"], path)


class PublicEvidenceSerializer(serializers.Serializer):
    """A cited passage and its source, as they read when the verdict was published."""

    source_title = serializers.CharField()
    publisher = serializers.CharField()
    published = serializers.DateField(allow_null=True)
    url = serializers.CharField()
    kind = serializers.CharField()
    locator = serializers.CharField()
    passage = serializers.CharField()
    numeric = serializers.CharField()


class PublicFactCheckSerializer(serializers.Serializer):
    """One fact-check in full, with the ClaimReview its public page embeds."""

    id = serializers.IntegerField(source="claim.pk")
    claim = serializers.CharField(source="text")
    rating = serializers.CharField(source="verdict.rating")
    rating_label = serializers.CharField(source="verdict.get_rating_display")
    summary = serializers.CharField(source="verdict.summary")
    explanation = serializers.CharField(source="verdict.explanation")
    published_at = serializers.DateTimeField(source="verdict.published_at")
    correction_note = serializers.CharField(source="verdict.correction_note")
    evidence = PublicEvidenceSerializer(many=True)
    url = serializers.SerializerMethodField()
    claim_review = serializers.SerializerMethodField()

    def get_url(self, check) -> str:
        return fact_checks.absolute_url(self.context["request"], check.path)

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_claim_review(self, check) -> dict:
        return claim_review(check, url=self.get_url(check))


class PublicFactCheckViewSet(viewsets.ReadOnlyModelViewSet):
    """Published fact-checks (the latest published verdict of each claim), for anyone."""

    lookup_value_regex = "[0-9]+"
    permission_classes = [permissions.AllowAny]
    serializer_class = PublicFactCheckSummarySerializer

    def get_queryset(self):
        return selectors.current_verdicts()

    @extend_schema(responses={200: PublicFactCheckSerializer})
    def retrieve(self, request, pk=None):
        claim_id = int(pk)
        check = selectors.fact_check(claim_id) if claim_id <= LARGEST_ID else None
        if check is None:
            raise exceptions.NotFound("No published fact-check has this number.")
        return Response(PublicFactCheckSerializer(check, context={"request": request}).data)
