"""The frequency grid with full credit: the true chance twice, one change of rates, true counts."""

from thinktwice.widgets.frequency_grid import MAMMOGRAPHY, Rates, counts


def solve(grid) -> None:
    """Estimate 9.4%, answer 9.2% after the grid, move a rate, and count the own scenario."""
    if grid.estimate_ is None:
        grid.estimate(round(100 * MAMMOGRAPHY.chance(), 1))
    if grid.after_ is None:
        grid.answer_after(round(100 * counts(MAMMOGRAPHY).share, 1))
    if not grid.explored_:
        grid.explore(Rates(20.0, 90.0, 7.0))
    if grid.scenario_answer_ is None:
        truth = grid.scenario_counts()
        grid.answer_scenario(truth.sick_positive, truth.positive)
