from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.fact_check_list, name="list"),
    path("claims/<int:pk>/", views.fact_check_detail, name="claim-short"),
    path("claims/<int:pk>/<slug:slug>/", views.fact_check_detail, name="claim"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("corrections/", views.corrections, name="corrections"),
    path("methodology/", views.editorial_page, {"slug": "methodology"}, name="methodology"),
    path(
        "corrections-policy/",
        views.editorial_page,
        {"slug": "corrections-policy"},
        name="corrections-policy",
    ),
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/thanks/", views.suggest_thanks, name="suggest-thanks"),
]
