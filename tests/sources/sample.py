"""A small library of unrelated passages that the search and lookup tests share."""

LIBRARY = [
    "The Tressilian reservoir held 84 billion litres at the end of the dry season.",
    "Harbour officials said cargo volumes grew in the second quarter.",
    "Imports of frozen fish through the harbour fell by a fifth last year.",
    "The regional council approved a new budget for harbour maintenance.",
    "Ferry services to the islands were suspended for three days in March.",
    "Quarry output in the Brenmoor district doubled after the new road opened.",
]
