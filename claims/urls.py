from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("", views.published_claims, name="published-list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("claims/<int:pk>/<slug:slug>/", views.claim_detail, name="claim-detail-slug"),
]
