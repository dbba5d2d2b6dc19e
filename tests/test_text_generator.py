"""The text generator: its training text, the n-gram model, the truth of what it writes, the
activity, its view without a browser, and one browser test."""

import random
from pathlib import Path

import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, TextGenerator
from thinktwice.widgets import text_generator as tg
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.claim_checker import LABELS
from thinktwice.widgets.evidence import FILENAME
from thinktwice.widgets.judgement import already_answered, choose_first, no_such_question

from .browser_kit import assert_not_blank, last_event, open_activity


# -- the training text ----------------------------------------------------------------------------
def test_every_training_sentence_is_supported_and_cites_its_own_document():
    corpus = tg.load_corpus()
    assert len(corpus.facts) == 26 and len(corpus.documents) == 6
    for fact in corpus.facts:
        verdict = tg.judge(tg.tokens(corpus.sentence(fact)), corpus)
        assert (verdict.label, verdict.verdict, verdict.backs) == ("supported", "real", True)


def test_each_place_has_one_value_per_pattern_and_the_patterns_share_words():
    corpus = tg.load_corpus()
    values = {}
    for f in corpus.facts:
        assert values.setdefault((f.place, f.pattern), f.value) == f.value, f
    # every pattern is used for several places: where the model can jump between sentences
    for pattern in corpus.patterns:
        assert len({f.place for f in corpus.facts if f.pattern == pattern}) >= 4


def test_recombinations_are_labelled_by_the_truth_of_the_town():
    corpus = tg.load_corpus()

    def verdict(text):
        v = tg.judge(tg.tokens(text), corpus)
        return v.label, v.verdict, v.backs

    # the right fact with another real document's citation: supported, real, yet not backed
    assert verdict("The youth club opened in 1988 [Fennmoor Gazette, 3 June].") == (
        "supported",
        "real",
        False,
    )
    # another place's year: contradicted; a blend of two documents' name and date: fabricated
    assert verdict("The youth club opened in 1951 [Fennmoor Gazette, 20 May].") == (
        "contradicted",
        "fabricated",
        False,
    )
    # a pattern the sources never give for this place: unverifiable
    assert verdict("The bus station was paid for by volunteers [Fennmoor visitor guide, 2023].")[
        0
    ] == ("unverifiable")
    # words that name no place of the town (a short context's nonsense): unverifiable
    assert verdict("The town council opened in 1996 [Fennmoor Gazette, 3 June].")[0] == (
        "unverifiable"
    )


def test_a_broken_training_text_is_named_in_the_error(tmp_path):
    bad = tmp_path / "corpus.toml"
    bad.write_text("patterns = []\n")
    with pytest.raises(ValueError, match=str(bad)):
        tg.load_corpus(bad)


# -- the model ------------------------------------------------------------------------------------
def test_the_model_only_writes_words_it_saw_after_the_same_word():
    model = tg.model(2)
    seen = {
        (a, b)
        for s in tg.training_sentences()
        for a, b in zip(["<s>", *tg.tokens(s)], tg.tokens(s), strict=False)
    }
    rng = random.Random(3)
    for _ in range(200):
        words = ["<s>", *model.sample(rng, 1.0).words]
        assert all(pair in seen for pair in zip(words, words[1:], strict=False))


def test_the_pieces_are_copied_runs_of_their_training_sentences():
    rng = random.Random(4)
    for _ in range(100):
        written = tg.model(4).sample(rng, 1.5)
        assert sum(len(p.words) for p in written.pieces) == len(written.words)
        for piece in written.pieces:
            source = tg.tokens(tg.training_sentences()[piece.source])
            text = " ".join(piece.words)
            assert f" {text} " in f" {' '.join(source)} ", (text, source)


def test_fabrication_rises_with_temperature_and_falls_with_context():
    curves = {n: tg.measure(n) for n in tg.CONTEXTS}
    for n in (4, 6):
        assert curves[n][-1] > curves[n][0] + 0.2, curves[n]
    means = {n: sum(c) / len(c) for n, c in curves.items()}
    assert means[2] > means[4] > means[6]
    assert tg.measure(4) == curves[4]  # measured again: the same curve


def test_a_learners_answer_mixes_every_label_and_rebuilds_the_same(tmp_path):
    one = TextGenerator("aiko", folder=tmp_path / "1").start()
    again = TextGenerator("aiko", folder=tmp_path / "2").start()
    assert [w.text for w in one.answer_] == [w.text for w in again.answer_]
    answers = {
        tuple(w.text for w in TextGenerator(f"l{k}", folder=tmp_path / "v").start().answer_)
        for k in range(8)
    }
    assert len(answers) == 8
    assert {w.verdict.label for w in one.answer_} == set(LABELS)
    assert {w.verdict.verdict for w in one.answer_} == {"real", "fabricated"}
    assert len({w.text for w in one.answer_}) == len(one.answer_)


# -- the activity ---------------------------------------------------------------------------------
def test_labels_score_first_one_counts_and_refusals_write_nothing(tmp_path):
    generator = TextGenerator("aiko", folder=tmp_path).start()
    log = tmp_path / FILENAME
    for kind, data, refusal in [
        ("label", {"sentence": "9", "label": "supported"}, no_such_question()),
        ("label", {"sentence": "1", "label": "maybe"}, choose_first()),
        ("citation", {"sentence": "1", "verdict": None}, choose_first()),
        ("measure", {"n": 3}, None),
        ("sample", {"n": 2, "temperature": 0.3}, None),
        ("answer", {"question": "context", "choice": "2"}, None),
        ("answer", {"question": "colour", "choice": "2"}, no_such_question()),
        ("vote", {}, unknown_action()),
    ]:
        with pytest.raises(ActivityError) as error:
            generator.record(kind, data)
        if refusal is not None:
            assert str(error.value) == str(refusal), (kind, data)
    assert not log.exists()
    first = generator.written("1").verdict
    wrong = next(label for label in LABELS if label != first.label)
    result = generator.label_claim("1", wrong)
    assert not result.correct and result.answer == first.label
    with pytest.raises(ActivityError, match=str(already_answered())):
        generator.label_claim("1", first.label)
    assert generator.outcome().credit == 0 and generator.outcome().done == 1


def test_the_closing_questions_are_checked_against_the_learners_own_curves(tmp_path):
    generator = TextGenerator("aiko", folder=tmp_path).start()
    assert generator.right_choice("context") is None
    for n in tg.CONTEXTS:
        generator.measure(n)
    curves = generator.curves_
    highest = max(curves, key=lambda n: sum(curves[n]))
    assert generator.right_choice("context") == str(highest) == "2"
    assert generator.right_choice("temperature") == "rise"
    assert generator.answer("context", "6").correct is False
    assert generator.answer("temperature", "rise").correct is True
    # the curves the learner measured are what the grader reads back from the log
    rebuilt = TextGenerator("aiko", folder=tmp_path).start()
    assert rebuilt.curves_ == curves and rebuilt.outcome() == generator.outcome()


def test_full_marks_only_for_every_label_and_answer_right(tmp_path):
    from .solutions import solve

    generator = TextGenerator("ben", folder=tmp_path).start()
    solve(generator)
    outcome = generator.outcome()
    assert outcome.done == outcome.total == 10 and outcome.credit == 10
    assert activity_score(TextGenerator("ben", folder=tmp_path), points=3).points == 3


def test_feedback_teaches_what_to_look_at_without_the_answers(tmp_path):
    generator = TextGenerator("cai", folder=tmp_path).start()
    for s in generator.sentences:
        generator.label_claim(s, "supported")
        generator.mark_citation(s, "real")
    text = " ".join(generator.outcome().feedback)
    assert "compare the value word for word" in text
    assert "name and date" in text
    assert "Answers still to give: 2." in text


# -- the view, without a browser ------------------------------------------------------------------
def test_view_reveals_the_stitching_only_after_both_labels(tmp_path):
    view = TextGenerator("aiko", folder=tmp_path).view()
    assert "tt-text-generator" in view._dom_classes
    assert "Fennmoor Gazette, 3 June" in view.sources.value
    row = view.rows["1"]
    view.submit.click()
    assert "Choose a label" in view.message.value and not (tmp_path / FILENAME).exists()
    row.claim.value = "supported"
    view.submit.click()
    assert row.claim.disabled and not row.citation.disabled
    assert "tt-stitch" not in row.feedback.value
    row.citation.value = "real"
    view.submit.click()
    assert "tt-stitch" in row.feedback.value and "from the training sentence" in row.feedback.value
    assert "<td>Claims</td><td>1 of 4</td>" in view.score.value


def test_view_measures_and_opens_the_questions_when_every_context_is_measured(tmp_path):
    view = TextGenerator("aiko", folder=tmp_path).view()
    question = view.questions["context"]
    assert question.submit.disabled and "open once" in view.questions_note.value
    view.write.click()
    assert "It wrote:" in view.sample.value and "tt-stitch" in view.sample.value
    for n in tg.CONTEXTS:
        view.context.value = n
        view.measure.click()
    assert "n = 6:" in view.chart.value and "alt=" in view.chart.value
    assert "<td>n = 2</td>" in view.table.value
    assert not question.submit.disabled and view.questions_note.value == ""
    question.choices.value = "2"
    question.submit.click()
    assert "Right" in question.feedback.value and question.submit.disabled
    again = TextGenerator("aiko", folder=tmp_path).view()
    assert again.questions["context"].choices.value == "2"
    assert again.questions["context"].submit.disabled


def test_no_learner_text_shows_backticks(tmp_path):
    view = TextGenerator("aiko", folder=tmp_path).view()
    for step in view.tour():
        step()
    saved = view._repr_mimebundle_()["text/html"]
    assert "`" not in saved and "**" not in saved


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_text_generator_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "text-generator",
        "from thinktwice.widgets import TextGenerator\nTextGenerator().view()",
    )
    page.wait_for_selector(".tt-text-generator .tt-submit", timeout=60_000)
    generator = TextGenerator("browser-learner", folder=Path(activity_lab[1])).start()
    assert generator.answer_[0].verdict.claim in view.inner_text()
    view.locator(".tt-claim-1 button", has_text="Unverifiable").click()
    view.locator(".tt-citation-1 button", has_text="Fabricated").click()
    view.locator("button.tt-submit").click()
    page.wait_for_selector(".tt-text-generator .tt-stitch", timeout=30_000)
    assert last_event(activity_lab, "text-generator")["kind"] == "citation"
    view.locator("button.tt-measure").click()
    page.wait_for_selector(".tt-text-generator img.tt-curves", timeout=30_000)
    assert last_event(activity_lab, "text-generator")["data"] == {"n": 4}
    assert_not_blank(view, tmp_path / "text-generator.png")
