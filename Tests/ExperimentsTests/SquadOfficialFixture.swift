/// Expected SQuAD v1.1 scores for hard cases (articles, punctuation, Unicode, numbers, newlines).
///
/// `em` and `f1` were produced once by running the official `evaluate-v1.1.py` logic
/// (`normalize_answer`, `exact_match_score`, `f1_score`, max over golds) under Python 3 on these
/// predictions; `subem` by the same `normalize_answer` with "Lost in the Middle"'s substring rule
/// (prediction cut at its first newline). Only the inputs and numbers are kept here.
let squadOfficialFixtureJSON = #"""
  [
    {"prediction": "Denver Broncos", "golds": ["Denver Broncos", "The Denver Broncos"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "the Denver Broncos", "golds": ["Denver Broncos"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "The Broncos of Denver", "golds": ["Denver Broncos"], "em": 0.0, "f1": 0.8, "subem": 0.0},
    {"prediction": "An apple a day", "golds": ["apple day"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "Theater", "golds": ["the ater"], "em": 0.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "a", "golds": ["an"], "em": 1.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "the the the", "golds": ["the"], "em": 1.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "Santa Clara, California.", "golds": ["Santa Clara, California"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "Levi's Stadium", "golds": ["Levis Stadium"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "Levi\u2019s Stadium", "golds": ["Levi's Stadium"], "em": 0.0, "f1": 0.5, "subem": 0.0},
    {"prediction": "24\u201310", "golds": ["24-10"], "em": 0.0, "f1": 0.0, "subem": 0.0},
    {"prediction": "24-10", "golds": ["2410"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "1990", "golds": ["1"], "em": 0.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "1,000,000", "golds": ["1000000"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "3.14", "golds": ["314", "3.14"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "$5 million", "golds": ["5 million"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "M\u00fcller", "golds": ["m\u00fcller", "Mueller"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "\u00c9COLE normale", "golds": ["\u00e9cole Normale"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "Stra\u00dfe", "golds": ["strasse"], "em": 0.0, "f1": 0.0, "subem": 0.0},
    {"prediction": "\u1f48\u03b4\u03c5\u03c3\u03c3\u03b5\u03cd\u03c2", "golds": ["\u1f40\u03b4\u03c5\u03c3\u03c3\u03b5\u03cd\u03c2"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "Tokyo \u6771\u4eac", "golds": ["\u6771\u4eac"], "em": 0.0, "f1": 0.6666666666666666, "subem": 1.0},
    {"prediction": "na\u00efve approach", "golds": ["naive approach"], "em": 0.0, "f1": 0.5, "subem": 0.0},
    {"prediction": "e\u0301clair", "golds": ["\u00e9clair"], "em": 0.0, "f1": 0.0, "subem": 0.0},
    {"prediction": "  lots   of\tspace\n", "golds": ["lots of space"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "line one\nline two", "golds": ["line two"], "em": 0.0, "f1": 0.6666666666666666, "subem": 0.0},
    {"prediction": "", "golds": ["something"], "em": 0.0, "f1": 0.0, "subem": 0.0},
    {"prediction": "!!!", "golds": ["a"], "em": 1.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "the", "golds": ["an"], "em": 1.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "Super Bowl L", "golds": ["Super Bowl L", "L"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "L", "golds": ["Super Bowl L", "L"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "Bowl Super", "golds": ["Super Bowl"], "em": 0.0, "f1": 1.0, "subem": 0.0},
    {"prediction": "cat cat dog", "golds": ["cat dog dog"], "em": 0.0, "f1": 0.6666666666666666, "subem": 0.0},
    {"prediction": "new york city", "golds": ["New York"], "em": 0.0, "f1": 0.8, "subem": 1.0},
    {"prediction": "York", "golds": ["New York City"], "em": 0.0, "f1": 0.5, "subem": 0.0},
    {"prediction": "a_b", "golds": ["a b"], "em": 0.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "the_end", "golds": ["end"], "em": 0.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "an-apple", "golds": ["apple"], "em": 0.0, "f1": 0.0, "subem": 1.0},
    {"prediction": "A.D. 1066", "golds": ["AD 1066"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "(approximately) 7", "golds": ["7"], "em": 0.0, "f1": 0.6666666666666666, "subem": 1.0},
    {"prediction": "Answer: Paris", "golds": ["Paris", "paris france"], "em": 0.0, "f1": 0.6666666666666666, "subem": 1.0},
    {"prediction": "Paris, France", "golds": ["Paris", "paris france"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "French Revolution of 1789", "golds": ["the French Revolution", "1789"], "em": 0.0, "f1": 0.6666666666666666, "subem": 1.0},
    {"prediction": "\u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3", "golds": ["\u03c3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2"], "em": 1.0, "f1": 1.0, "subem": 1.0},
    {"prediction": "\u0130stanbul", "golds": ["istanbul"], "em": 0.0, "f1": 0.0, "subem": 0.0}
  ]
  """#
