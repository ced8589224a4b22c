"""The baselines the check-worthiness model is measured against, on the folds of
`scripts/checkworthiness_cv.py`: the "has a number" rule and a word (1-2) + character (2-5)
n-gram TF-IDF logistic regression (needs scikit-learn). `scripts/train_checkworthiness.py`
records their figures beside the model's, `bench/checkworthiness.py` prints them.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from scripts.checkworthiness_cv import FOLDS, SEED, Data


def has_number_scores(data: Data) -> np.ndarray:
    """The "has a number" rule: 1 when the sentence has a digit."""
    return np.array([1.0 if any(c.isdigit() for c in t) else 0.0 for t in data.texts])


def baseline_scores(data: Data, folds: np.ndarray, corpus: str, by: str = "fold") -> np.ndarray:
    """A word (1-2) + character (2-5) n-gram TF-IDF logistic regression, classes weighted
    equally, trained on the corpus's own training folds only (`by="group"`: leave one group
    out)."""
    labels = np.array(data.labels)
    members = np.array([c == corpus for c in data.corpus])
    scores = np.full(len(labels), np.nan)
    units = (
        sorted({g for g, m in zip(data.groups, members, strict=True) if m})
        if by == "group"
        else list(range(FOLDS))
    )
    for unit in units:
        if by == "group":
            test = members & np.array([g == unit for g in data.groups])
        else:
            test = members & (folds == unit)
        train = members & ~test
        words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        train_texts = [data.texts[i] for i in np.flatnonzero(train)]
        test_texts = [data.texts[i] for i in np.flatnonzero(test)]
        x_train = sparse.hstack(
            [words.fit_transform(train_texts), chars.fit_transform(train_texts)]
        )
        x_test = sparse.hstack([words.transform(test_texts), chars.transform(test_texts)])
        model = LogisticRegression(
            C=1.0, solver="liblinear", class_weight="balanced", random_state=SEED
        )
        model.fit(x_train.tocsr(), labels[train])
        scores[test] = model.predict_proba(x_test.tocsr())[:, 1]
    return scores
