"""The claim checker: its data, the model, its view without a browser, and one browser test."""

import html
from pathlib import Path

import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, ClaimChecker
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.claim_checker import LABELS, load_sets
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.judgement import already_answered, choose_first, no_such_question

from .browser_kit import assert_not_blank, last_event, open_activity

LEARNERS = [f"learner-{k}" for k in range(40)]


def _checker_on(set_id, folder):
    """A checker for the first learner id whose variant is the set ``set_id``."""
    for learner in LEARNERS:
        checker = ClaimChecker(learner, folder=folder).start()
        if checker.set_.id == set_id:
            return checker
    raise AssertionError(f"no learner in {len(LEARNERS)} got {set_id}")


# -- the data -------------------------------------------------------------------------------------
def test_every_set_mixes_labels_and_has_a_fabricated_citation():
    sets = load_sets()
    assert len(sets) >= 3
    for s in sets:
        assert {c.label for c in s.claims} == set(LABELS), s.id
        assert any(k.real for k in s.citations) and any(not k.real for k in s.citations)
        assert len({c.id for c in s.claims}) == len(s.claims)
        cited = {c for claim in s.claims for c in claim.cites}
        assert cited == {k.id for k in s.citations}, s.id  # every citation appears in the answer
        titles = {src.title for src in s.sources}
        for k in s.citations:
            # a real citation names a source; a fabricated one names none exactly
            assert (k.text in titles) == k.real, (s.id, k.text)


def test_the_real_case_carries_the_reported_facts():
    plan = next(s for s in load_sets() if s.id == "ai-basic-plan")
    text = " ".join(src.text for src in plan.sources)
    for fact in ("December 2025", "May 2025", "about 30", "about 200", "immediately", "company"):
        assert fact in text, fact
    about = " ".join(src.about for src in plan.sources)
    assert "Written for this course" in about and "two weeks before" in about
    labels = {c.id: c.label for c in plan.claims}
    assert labels["law"] == labels["agree"] == labels["company"] == "contradicted"
    assert labels["growth"] == labels["draft"] == "supported"


def test_a_broken_claims_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "claims.toml"
    bad.write_text('[[sets]]\nid = "x"\n')
    with pytest.raises(ValueError, match=str(bad)):
        load_sets(bad)


# -- the model ------------------------------------------------------------------------------------
def test_seeding_picks_the_set_and_order_per_learner(tmp_path):
    a1 = ClaimChecker("aiko", folder=tmp_path / "1").start()
    a2 = ClaimChecker("aiko", folder=tmp_path / "2").start()
    assert a1.set_.id == a2.set_.id and a1.claims_ == a2.claims_
    variants = {
        (c.set_.id, tuple(x.id for x in c.claims_))
        for c in (ClaimChecker(name, folder=tmp_path / "v").start() for name in LEARNERS[:12])
    }
    assert len({v[0] for v in variants}) == 3  # every set is dealt
    assert len(variants) == 12  # and no two of these learners see the same order


def test_labels_are_scored_first_one_counts_and_refusals_write_nothing(tmp_path):
    checker = _checker_on("ai-basic-plan", tmp_path)
    log = tmp_path / FILENAME
    for claim, label in [("nope", "supported"), ("law", "maybe"), ("law", None)]:
        with pytest.raises(ActivityError):
            checker.label_claim(claim, label)
    with pytest.raises(ActivityError):
        checker.mark_citation("page", "fake")
    assert not log.exists()

    assert checker.claim_result("law") is None  # nothing shown before the learner commits
    result = checker.label_claim("law", "supported")
    assert not result.correct and result.answer == "contradicted"
    assert "May 2025" in result.why
    with pytest.raises(ActivityError, match="first answer counts"):
        checker.label_claim("law", "contradicted")
    assert checker.mark_citation("page", "fabricated").correct
    assert checker.label_claim("deadline", "unverifiable").correct

    events = EvidenceLog.in_folder(tmp_path, checker.learner_).events("claim-checker")
    assert [(e.kind, dict(e.data)) for e in events] == [
        ("label", {"set": "ai-basic-plan", "claim": "law", "label": "supported"}),
        ("citation", {"set": "ai-basic-plan", "citation": "page", "verdict": "fabricated"}),
        ("label", {"set": "ai-basic-plan", "claim": "deadline", "label": "unverifiable"}),
    ]
    outcome = checker.outcome()
    assert (outcome.done, outcome.total, outcome.credit) == (3, 12, 2)
    assert "Claims labelled right: 1 of 8." in outcome.feedback
    assert "Compare numbers, dates and names across all the sources, not just one." in (
        outcome.feedback
    )


def test_replay_restores_labels_and_ignores_edited_events(tmp_path):
    checker = _checker_on("fennmoor-clean-up", tmp_path)
    assert not (tmp_path / FILENAME).exists()  # start() writes nothing
    checker.label_claim("tonnes", "contradicted")
    checker.mark_citation("trust", "real")
    log = EvidenceLog.in_folder(tmp_path, checker.learner_)
    # a second label for the same claim, and one for another set, as if edited by hand
    log.append("claim-checker", "label", {"set": checker.set_id, "claim": "tonnes", "label": "x"})
    log.append(
        "claim-checker", "label", {"set": "fennmoor-clean-up", "claim": "water", "label": "nah"}
    )
    log.append("claim-checker", "label", {"set": "other", "claim": "water", "label": "supported"})
    log.append(
        "claim-checker", "label", {"set": checker.set_id, "claim": "tonnes", "label": "supported"}
    )
    again = ClaimChecker(checker.learner_, folder=tmp_path).start()
    assert again.labels_ == {"tonnes": "contradicted"}
    assert again.verdicts_ == {"trust": "real"}
    assert again.outcome().credit == 1
    assert "Check that each cited report and page really is among the sources." in (
        again.outcome().feedback
    )


def test_activity_score_awards_points_per_label(tmp_path, capsys):
    checker = _checker_on("kestrel-trial", tmp_path)
    learner = checker.learner_
    assert activity_score(ClaimChecker(learner, folder=tmp_path), points=9).points == 0
    for claim in checker.claims_:
        checker.label_claim(claim.id, claim.label)
    for citation in checker.citations_:
        checker.mark_citation(citation.id, "real")  # one of three is fabricated
    score = activity_score(ClaimChecker(learner, folder=tmp_path), points=9)
    assert score.points == 8
    assert "You completed 9 of 9 steps." in capsys.readouterr().out
    assert activity_score(ClaimChecker(learner, folder=tmp_path), points=9, by="completion").full


def test_refusals_are_the_shared_ones(tmp_path):
    checker = _checker_on("ai-basic-plan", tmp_path)
    checker.label_claim("law", "contradicted")
    checker.mark_citation("page", "fabricated")
    s = checker.set_id
    for kind, data, refusal in [
        ("label", {"set": s, "claim": "law", "label": "supported"}, already_answered()),
        ("citation", {"set": s, "citation": "page", "verdict": "real"}, already_answered()),
        ("label", {"set": s, "claim": "growth", "label": "maybe"}, choose_first()),
        ("citation", {"set": s, "citation": "survey", "verdict": None}, choose_first()),
        ("label", {"set": s, "claim": "nope", "label": "supported"}, no_such_question()),
        ("label", {"set": "other", "claim": "growth", "label": "supported"}, no_such_question()),
        ("vote", {"set": s}, unknown_action()),
    ]:
        with pytest.raises(ActivityError) as error:
            checker.record(kind, data)
        assert str(error.value) == str(refusal), (kind, data)


# -- the view, without a browser ------------------------------------------------------------------
@pytest.fixture
def toured(tmp_path):
    """A view after the learner's whole run through it (its tour)."""
    view = ClaimChecker("aiko", folder=tmp_path).view()
    for step in view.tour():
        step()
    return view


def test_the_intro_defines_the_labels_and_nothing_shows_backticks(toured):
    view = toured
    intro = view.intro.value
    assert "<b>Unverifiable</b>: no source says it either way" in intro
    assert "<b>Fabricated</b>: it names a report or page that is not among the sources" in intro
    assert "citations: the sources it names" in intro  # what a citation is
    shown = [view.intro.value, view.sources.value, view.score.value]
    for row in [*view.claim_rows.values(), *view.citation_rows.values()]:
        shown += [row.text.value, row.feedback.value, row.picker.description]
        shown += list(row.picker.tooltips)
    assert not [t for t in shown if "`" in t]


def test_the_saved_copy_shows_the_claims_and_the_learners_labels(toured):
    view = toured
    saved = view._repr_mimebundle_()["text/html"]
    for k, claim in enumerate(view.checker.claims_, start=1):
        assert html.escape(claim.text) in saved and html.escape(claim.why) in saved
        assert f"Claim {k} is <b>Supported</b>" in saved
    assert "<table" in saved and "Citation 1 is <b>Real</b>" in saved


def test_view_submits_chosen_labels_and_shows_feedback_only_then(tmp_path):
    checker = _checker_on("ai-basic-plan", tmp_path)
    view = ClaimChecker(checker.learner_, folder=tmp_path).view()
    assert "tt-claim-checker" in view._dom_classes
    assert "Report B" in view.sources.value and "two weeks before" in view.sources.value
    assert "Wineburg &amp; McGrew 2017" in view.intro.value
    assert len(view.claim_rows) == 8 and len(view.citation_rows) == 4
    whys = [c.why for c in checker.claims_]
    assert not any(html_part in view.children[k].value for k in (0, 1, 2) for html_part in whys)

    view.submit.click()
    assert "Choose a label" in view.message.value
    assert not (tmp_path / FILENAME).exists()

    law, company = view.claim_rows["law"], view.claim_rows["company"]
    law.picker.value = "contradicted"
    company.picker.value = "supported"
    assert law.feedback.value == ""  # choosing is not submitting
    view.citation_rows["survey"].picker.value = "fabricated"
    view.submit.click()
    assert "Labels submitted: 3." in view.message.value
    assert "✓ Right: Contradicted." in law.feedback.value and law.picker.disabled
    assert "✗ Not quite: you said Supported; the answer is Contradicted." in (
        company.feedback.value
    )
    assert "machine translation" in company.feedback.value
    assert view.claim_rows["growth"].feedback.value == ""  # not submitted, nothing shown
    assert "<td>Claims</td><td>2 of 8</td><td>1</td>" in view.score.value
    assert "<td>Citations</td><td>1 of 4</td><td>1</td>" in view.score.value
    assert "[Course fact sheet, page 3]" in company.text.value

    kinds = [e.kind for e in EvidenceLog.in_folder(tmp_path, checker.learner_).events()]
    assert kinds == ["label", "label", "citation"]

    again = ClaimChecker(checker.learner_, folder=tmp_path).view()
    assert again.claim_rows["law"].picker.disabled
    assert again.claim_rows["law"].picker.value == "contradicted"
    assert not again.claim_rows["growth"].picker.disabled


def test_view_disables_submit_when_everything_is_labelled(tmp_path):
    view = ClaimChecker("aiko", folder=tmp_path).view()
    for row in view.claim_rows.values():
        row.picker.value = "unverifiable"
    for row in view.citation_rows.values():
        row.picker.value = "fabricated"
    view.submit.click()
    assert view.submit.disabled
    n = len(view.claim_rows)
    assert f"<td>Claims</td><td>{n} of {n}</td>" in view.score.value


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_claim_checker_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "claim-checker",
        "from thinktwice.widgets import ClaimChecker\nClaimChecker().view()",
    )
    page.wait_for_selector(".tt-claim-checker .tt-submit", timeout=60_000)
    checker = ClaimChecker("browser-learner", folder=Path(activity_lab[1])).start()
    first = checker.claims_[0]
    assert first.text in view.inner_text()
    view.locator(".tt-claim-1 button", has_text="Unverifiable").click()
    view.locator(".tt-citation-1 button", has_text="Fabricated").click()
    assert view.locator(".tt-feedback").first.inner_text() == ""
    view.locator("button.tt-submit").click()
    page.wait_for_selector(".tt-score:has-text('1 of')", timeout=30_000)
    event = last_event(activity_lab, "claim-checker")
    assert event["kind"] == "citation"
    assert event["data"]["citation"] == checker.citations_[0].id
    assert event["data"]["verdict"] == "fabricated"
    shown = view.locator(".tt-feedback").first.inner_text()
    assert ("Right: Unverifiable" in shown) == (first.label == "unverifiable")
    assert "Not quite" in shown or "Right" in shown
    assert_not_blank(view, tmp_path / "claim-checker.png")


def test_a_chosen_claim_set_is_every_learners_and_an_unknown_one_is_named(tmp_path):
    sets = {
        ClaimChecker(learner, folder=tmp_path / learner, claim_set="ai-basic-plan").start().set_.id
        for learner in ("aiko", "ben", "chiara", "dev")
    }
    assert sets == {"ai-basic-plan"}
    with pytest.raises(ValueError, match="no claim set 'nope'.*ai-basic-plan"):
        ClaimChecker("aiko", folder=tmp_path / "x", claim_set="nope").start()
