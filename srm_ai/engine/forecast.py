# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Trend and forecast of short series (monthly sentiment, health)."""


def linear_trend(values):
    """Least-squares slope and intercept of ``values`` against 0..n-1."""
    n = len(values)
    if n < 2:
        return 0.0, (values[0] if values else 0.0)
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    sxx = sum((i - mean_x) ** 2 for i in range(n))
    sxy = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(values))
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def holt(values, alpha=0.5, beta=0.3, steps=1):
    """Holt's linear exponential smoothing; forecast ``steps`` ahead."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    level, trend = values[0], values[1] - values[0]
    for value in values[1:]:
        last_level = level
        level = alpha * value + (1 - alpha) * (level + trend)
        trend = beta * (level - last_level) + (1 - beta) * trend
    return level + steps * trend


def forecast(values, low=-1.0, high=1.0, stable_band=0.05, window=6):
    """Direction and next-period value of a series.

    Returns dict(direction: falling / stable / rising, slope, next).
    """
    values = [v for v in values if v is not None][-window:]
    if not values:
        return {"direction": "stable", "slope": 0.0, "next": None}
    slope, _intercept = linear_trend(values)
    nxt = holt(values) if len(values) >= 3 else values[-1] + slope
    nxt = max(low, min(high, nxt))
    direction = "stable"
    if len(values) >= 2:
        if slope <= -stable_band:
            direction = "falling"
        elif slope >= stable_band:
            direction = "rising"
    return {"direction": direction, "slope": round(slope, 4), "next": round(nxt, 4)}
