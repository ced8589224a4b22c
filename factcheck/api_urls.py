"""REST API routes: one router for every app's viewsets."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from claims import api as claims_api
from desk.api import claims as desk_claims_api
from desk.api import hand_work as desk_api
from public import api as public_api
from sources import api as sources_api

router = DefaultRouter()
router.register("articles", claims_api.ArticleViewSet, basename="article")
router.register("claims", desk_api.ClaimWithHandWorkViewSet, basename="claim")
router.register("passages", desk_api.PassageSearchViewSet, basename="passage")
router.register("matches", desk_claims_api.MatchViewSet, basename="match")
router.register("verdicts", desk_claims_api.VerdictViewSet, basename="verdict")
router.register(
    "public/fact-checks", public_api.PublicFactCheckViewSet, basename="public-fact-check"
)
router.register("checkworthiness", claims_api.CheckworthinessViewSet, basename="checkworthiness")
router.register("sources", sources_api.SourceViewSet, basename="source")
router.register("imports", sources_api.ImportJobViewSet, basename="import")
router.register("compare", claims_api.CompareViewSet, basename="compare")

urlpatterns = [
    path("match/", sources_api.MatchView.as_view(), name="match"),
    *router.urls,
]
