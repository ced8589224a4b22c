"""REST API for articles and claims: input serializers validate, services act."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from . import services
from .filters import ArticleFilter, ClaimFilter
from .models import Article, Claim, ClaimState, Match


class ArticleInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500)
    body = serializers.CharField(trim_whitespace=False)
    original_format = serializers.ChoiceField(choices=Article.Format.choices, default="text")
    url = serializers.URLField(required=False, allow_blank=True, default="")
    outlet = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    published = serializers.DateField(required=False, allow_null=True, default=None)


class ArticleOutputSerializer(serializers.ModelSerializer):
    status_url = serializers.SerializerMethodField()
    claim_count = serializers.IntegerField(source="claims.count", read_only=True)

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
    passage_text = serializers.CharField(source="passage.text")

    class Meta:
        model = Match
        fields = (
            "id",
            "source_key",
            "source_title",
            "passage_key",
            "passage_text",
            "score",
            "numeric",
            "numeric_detail",
            "decision",
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
            "repeats",
            "matches",
        )


class ArticleViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Submit articles for processing and read their status."""

    queryset = Article.objects.all()
    serializer_class = ArticleOutputSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = ArticleFilter

    @extend_schema(request=ArticleInputSerializer, responses={202: ArticleOutputSerializer})
    def create(self, request, *args, **kwargs):
        incoming = ArticleInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            article = services.ingest_article(submitted_by=request.user, **incoming.validated_data)
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict) from None
        article.refresh_from_db()
        output = ArticleOutputSerializer(article, context={"request": request})
        return Response(output.data, status=status.HTTP_202_ACCEPTED)


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims with their quantities and matches; people outside the newsroom see published ones."""

    serializer_class = ClaimOutputSerializer
    permission_classes = [permissions.AllowAny]
    filterset_class = ClaimFilter

    def get_queryset(self):
        claims = Claim.objects.select_related("article").prefetch_related(
            "matches__passage__source"
        )
        if not (self.request.user.is_authenticated and self.request.user.is_staff):
            claims = claims.filter(state=ClaimState.PUBLISHED)
        return claims.order_by("article_id", "position")


@extend_schema(
    responses=inline_serializer(
        "Health", {"status": serializers.CharField(), "database": serializers.CharField()}
    )
)
@api_view(["GET"])
@permission_classes([permissions.AllowAny])
def health(request):
    """Liveness of the web process and its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return Response({"status": "ok", "database": connection.vendor})
