"""REST API for hand-work on claims: add, split, merge, cite evidence, search the library.

HackSoft style: an input serializer per action validates the request, one action in
`desk.actions` acts, an output serializer shows the result. Errors the actions raise
become 400/403/409 in the API's exception handler (desk.api.errors), as for the
workflow transitions.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims.api import ClaimOutputSerializer, MatchOutputSerializer, validated_input
from claims.library_search import MAX_QUERY_CHARS, search_library
from claims.models import Article, Claim
from desk.actions import claims as claim_actions
from desk.actions import evidence as evidence_actions
from desk.api.claims import ClaimViewSet, VersionInputSerializer
from factcheck.api import HasRolePermission
from sources.models import Passage, SourceKind

MAX_IDS = 100


class ClaimCreateInputSerializer(serializers.Serializer):
    article = serializers.IntegerField(min_value=1)
    start = serializers.IntegerField(help_text="First character of the selection in the body.")
    end = serializers.IntegerField(help_text="Character after the selection.")
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=claim_actions.MAX_CLAIM_CHARS,
        help_text="The claim as it will be checked; default: the selected text.",
    )


class ClaimSplitInputSerializer(VersionInputSerializer):
    texts = serializers.ListField(
        child=serializers.CharField(allow_blank=True, max_length=claim_actions.MAX_CLAIM_CHARS),
        max_length=claim_actions.MAX_SPLIT_PARTS,
        help_text="One text per new claim (at least two).",
    )


class ClaimSplitOutputSerializer(serializers.Serializer):
    original = ClaimOutputSerializer()
    parts = ClaimOutputSerializer(many=True)


class ClaimMergeInputSerializer(VersionInputSerializer):
    claims = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        max_length=MAX_IDS,
        help_text="Ids of the duplicates to merge into this claim.",
    )


class EvidenceInputSerializer(VersionInputSerializer):
    passage = serializers.IntegerField(
        min_value=1, required=False, help_text="A library passage to cite."
    )
    url = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=300)
    published = serializers.DateField(required=False, allow_null=True, default=None)
    locator = serializers.CharField(required=False, allow_blank=True, max_length=200)
    quoted_text = serializers.CharField(
        required=False, allow_blank=True, max_length=evidence_actions.MAX_QUOTE_CHARS
    )
    kind = serializers.ChoiceField(
        choices=SourceKind.choices, required=False, default=SourceKind.OTHER
    )

    def validate(self, data):
        outside = any(data.get(name) for name in ("url", "title", "quoted_text"))
        if "passage" in data and outside:
            raise serializers.ValidationError(
                "Cite either a library passage or an outside source, not both."
            )
        if "passage" not in data and not outside:
            raise serializers.ValidationError(
                "Give a library passage id, or an outside source's url, title and quoted_text."
            )
        return data


class PassageHitOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="passage.pk")
    source_key = serializers.CharField(source="passage.source.key")
    source_title = serializers.CharField(source="passage.source.title")
    publisher = serializers.CharField(source="passage.source.publisher")
    url = serializers.CharField(source="passage.source.url")
    passage_key = serializers.CharField(source="passage.key")
    locator = serializers.CharField(source="passage.locator")
    text = serializers.CharField(source="passage.text")
    score = serializers.FloatField()
    numeric = serializers.CharField()


class PassageSearchInputSerializer(serializers.Serializer):
    search = serializers.CharField(max_length=MAX_QUERY_CHARS)
    claim = serializers.IntegerField(
        min_value=1, required=False, help_text="Compare numbers with this claim's."
    )
    limit = serializers.IntegerField(min_value=1, max_value=50, default=20)


def _known(model, pk: int, field: str, what: str):
    found = model.objects.filter(pk=pk).first()
    if found is None:
        raise exceptions.ValidationError({field: [f"There is no {what} {pk}."]})
    return found


class ClaimHandWorkMixin:
    """Adds hand-work to the claims endpoint: create, split, merge, evidence."""

    def _claim_data(self, claim: Claim) -> dict:
        claim = self.get_queryset().get(pk=claim.pk)
        return ClaimOutputSerializer(claim, context={"request": self.request}).data

    @extend_schema(request=ClaimCreateInputSerializer, responses={201: ClaimOutputSerializer})
    def create(self, request, *args, **kwargs):
        data = validated_input(ClaimCreateInputSerializer, request.data)
        article = _known(Article, data.pop("article"), "article", "article")
        claim = claim_actions.add_claim(article=article, user=request.user, **data)
        return Response(self._claim_data(claim), status=status.HTTP_201_CREATED)

    @extend_schema(request=ClaimSplitInputSerializer, responses={201: ClaimSplitOutputSerializer})
    @action(detail=True, methods=["post"])
    def split(self, request, pk=None):
        data = validated_input(ClaimSplitInputSerializer, request.data)
        claim = self.get_object()
        parts = claim_actions.split_claim(claim=claim, user=request.user, **data)
        body = {
            "original": self._claim_data(claim),
            "parts": [self._claim_data(p) for p in parts],
        }
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=ClaimMergeInputSerializer, responses={200: ClaimOutputSerializer})
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        data = validated_input(ClaimMergeInputSerializer, request.data)
        claim = self.get_object()
        ids = list(dict.fromkeys(data.pop("claims")))
        duplicates = list(Claim.objects.filter(pk__in=ids))
        missing = sorted(set(ids) - {d.pk for d in duplicates})
        if missing:
            raise exceptions.ValidationError(
                {"claims": [f"There is no claim {', '.join(map(str, missing))}."]}
            )
        claim_actions.merge_claims(
            claim=claim,
            user=request.user,
            duplicates=duplicates,
            **data,
        )
        return Response(self._claim_data(claim))

    @extend_schema(request=EvidenceInputSerializer, responses={201: MatchOutputSerializer})
    @action(detail=True, methods=["post"])
    def evidence(self, request, pk=None):
        data = validated_input(EvidenceInputSerializer, request.data)
        claim = self.get_object()
        version = data.pop("expected_version")
        if "passage" in data:
            passage = _known(Passage, data["passage"], "passage", "passage")
            match = evidence_actions.attach_passage(
                claim=claim,
                user=request.user,
                passage=passage,
                expected_version=version,
            )
        else:
            match = evidence_actions.cite_outside_source(
                claim=claim,
                user=request.user,
                expected_version=version,
                url=data.get("url", ""),
                title=data.get("title", ""),
                quoted_text=data.get("quoted_text", ""),
                publisher=data.get("publisher", ""),
                published=data.get("published"),
                locator=data.get("locator", ""),
                kind=data.get("kind", SourceKind.OTHER),
            )
        return Response(MatchOutputSerializer(match).data, status=status.HTTP_201_CREATED)


class ClaimWithHandWorkViewSet(ClaimHandWorkMixin, ClaimViewSet):
    """The claims endpoint: reads and transitions, plus hand-work."""


class PassageSearchViewSet(viewsets.ViewSet):
    """Search the library (full text, ranked like matching): `GET /api/passages/?search=`."""

    permission_classes = [HasRolePermission]
    role_permissions = {"*": "sources.view_passage"}

    @extend_schema(
        parameters=[
            OpenApiParameter("search", str, required=True),
            OpenApiParameter("claim", int, required=False),
            OpenApiParameter("limit", int, required=False),
        ],
        responses={200: PassageHitOutputSerializer(many=True)},
    )
    def list(self, request):
        data = validated_input(PassageSearchInputSerializer, request.query_params)
        quantities = []
        if "claim" in data:
            quantities = _known(Claim, data["claim"], "claim", "claim").quantities
        hits = search_library(query=data["search"], quantities=quantities, limit=data["limit"])
        return Response(PassageHitOutputSerializer(hits, many=True).data)
