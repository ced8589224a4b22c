"""REST API for the source library (staff only)."""

from rest_framework import permissions, serializers, viewsets

from .models import Passage, Source


class PassageOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Passage
        fields = ("id", "key", "locator", "text")


class SourceOutputSerializer(serializers.ModelSerializer):
    passages = PassageOutputSerializer(many=True, read_only=True)

    class Meta:
        model = Source
        fields = ("id", "key", "title", "publisher", "url", "published", "kind", "passages")


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]+"
    queryset = Source.objects.prefetch_related("passages").order_by("key")
    serializer_class = SourceOutputSerializer
    permission_classes = [permissions.IsAdminUser]
