"""REST API for the source library (newsroom staff)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import (
    exceptions,
    mixins,
    parsers,
    serializers,
    status,
    views,
    viewsets,
)
from rest_framework.response import Response

from factcheck.api import HasRolePermission

from . import importers, search, services
from .models import ImportJob, Passage, Source


class PassageOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Passage
        fields = ("id", "key", "locator", "text", "quantities")


class SourceOutputSerializer(serializers.ModelSerializer):
    passages = PassageOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Source
        fields = (
            "id",
            "key",
            "title",
            "publisher",
            "url",
            "published",
            "kind",
            "reliability_note",
            "created_at",
            "updated_at",
            "passages",
        )


class PassageInputSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=importers.MAX_PASSAGE_KEY_LENGTH)
    locator = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    text = serializers.CharField()


class SourceInputSerializer(serializers.Serializer):
    """One source as in the JSON Lines import format: `passages`, or a whole-document `text`."""

    key = serializers.CharField(max_length=importers.MAX_KEY_LENGTH)
    title = serializers.CharField(max_length=500)
    publisher = serializers.CharField(required=False, allow_blank=True, default="")
    url = serializers.CharField(required=False, allow_blank=True, allow_null=True, default="")
    published = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    kind = serializers.ChoiceField(choices=sorted(importers.SOURCE_KINDS), default="other")
    passages = PassageInputSerializer(many=True, required=False)
    text = serializers.CharField(required=False)


class SourceViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The curated source library. POST creates or updates a source by key (same as an import)."""

    lookup_value_regex = "[0-9]+"
    queryset = Source.objects.prefetch_related("passages").order_by("key")
    serializer_class = SourceOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"create": "sources.add_source", "*": "sources.view_source"}

    @extend_schema(request=SourceInputSerializer, responses={200: SourceOutputSerializer})
    def create(self, request, *args, **kwargs):
        incoming = SourceInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            record = importers.source_from_mapping(dict(incoming.validated_data))
            services.check_limits([record], "the request")
        except ValueError as exc:
            raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from None
        services.import_records([record], user=request.user)
        source = self.get_queryset().get(key=record.key)
        return Response(SourceOutputSerializer(source).data, status=status.HTTP_200_OK)


class ImportJobOutputSerializer(serializers.ModelSerializer):
    passages_done = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = (
            "id",
            "original_name",
            "status",
            "error",
            "passages_total",
            "passages_done",
            "summary",
            "created_at",
            "finished_at",
        )

    def get_passages_done(self, job: ImportJob) -> int:
        return services.import_progress(job)


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A .jsonl, .csv or .pdf library file.")


class ImportJobViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Upload a library file to import in the background, then follow its progress."""

    lookup_value_regex = "[0-9]+"
    queryset = ImportJob.objects.order_by("-created_at", "-pk")
    serializer_class = ImportJobOutputSerializer
    permission_classes = [HasRolePermission]
    role_permissions = {"create": "sources.add_source", "*": "sources.view_source"}
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

    @extend_schema(request=ImportInputSerializer, responses={202: ImportJobOutputSerializer})
    def create(self, request, *args, **kwargs):
        incoming = ImportInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        upload = incoming.validated_data["file"]
        try:
            job = services.queue_import(name=upload.name, content=upload.read(), user=request.user)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from None
        job.refresh_from_db()
        return Response(ImportJobOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED)


# --- Claim lookup --------------------------------------------------------------------------

# Longer texts are refused; texts up to this are accepted and cut to what a query uses.
MAX_LOOKUP_TEXT = 20_000


class LookupInputSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_LOOKUP_TEXT,
        trim_whitespace=False,
        help_text="A claim as pasted: a sentence, a headline or a post (links and tags are fine).",
    )
    top_k = serializers.IntegerField(min_value=1, max_value=100, default=10)


class LookupMatchOutputSerializer(serializers.Serializer):
    source_key = serializers.CharField()
    passage_key = serializers.CharField()
    score = serializers.FloatField(help_text="0-100, best first.")
    numeric = serializers.CharField(help_text="agrees, conflicts or none.")


class LookupOutputSerializer(serializers.Serializer):
    matches = LookupMatchOutputSerializer(many=True)


class MatchView(views.APIView):
    """Which passages of the library is this claim about? For the newsroom (it reads the library)."""

    permission_classes = [HasRolePermission]
    role_permissions = {"*": "sources.view_passage"}
    action = "match"

    @extend_schema(request=LookupInputSerializer, responses={200: LookupOutputSerializer})
    def post(self, request):
        data = LookupInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        matches = search.lookup(
            text=data.validated_data["text"], top_k=data.validated_data["top_k"]
        )
        return Response(LookupOutputSerializer({"matches": matches}).data)
