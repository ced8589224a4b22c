from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What the token is for, e.g. “Newsletter import script”.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 40}),
    )
