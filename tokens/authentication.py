"""REST API authentication by the tokens people make on their API tokens page."""

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header

from . import services


class ApiTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>` (or `Bearer <key>`).

    Keys from the API tokens page are checked by their hash; a key made earlier with
    Django REST framework's token admin still works. A revoked or unknown key gets 401.
    """

    keywords = ("token", "bearer")

    def authenticate(self, request):
        auth = get_authorization_header(request).split()
        if not auth or auth[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(auth) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the header as “Authorization: Token <key>”, with one key."
            )
        try:
            key = auth[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(
                "The token contains invalid characters."
            ) from None
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key):
        if key.startswith(services.KEY_PREFIX):
            user = services.user_for_key(key)
            if user is None:
                raise exceptions.AuthenticationFailed(
                    "This token is not valid: it was revoked, or never existed."
                )
            return (user, None)
        return super().authenticate_credentials(key)
