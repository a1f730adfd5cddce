# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""GeoJSON areas of land parcels: parsing, validation, area and centroid.

Pure functions without Odoo, so that a map view (or a script) can reuse them.
Errors are raised as ``GeoJSONError`` with a code and parameters; the parcel
model turns them into translated messages.
"""

import json
import math

# WGS84 equatorial radius, in metres: the radius of the spherical area formula
# used by most GeoJSON tools (Chamberlain & Duquette, "Some algorithms for
# polygons on a sphere", JPL 2007)
EARTH_RADIUS = 6378137.0
SQUARE_METRES_PER_HECTARE = 10000.0
POLYGON_TYPES = ("Polygon", "MultiPolygon")
# rings longer than this are not checked for self-intersections (quadratic check)
MAX_INTERSECTION_CHECK = 2000


class GeoJSONError(ValueError):
    """Invalid GeoJSON area: ``code`` says what is wrong, ``params`` where."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


def parse_polygons(text):
    """The polygons of a GeoJSON text: a list of polygons, each a list of rings,
    each ring a list of (longitude, latitude) tuples, closed (first = last).

    Accepts a Polygon or MultiPolygon geometry, a Feature holding one, or a
    FeatureCollection of such features. Raises ``GeoJSONError``.
    """
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as error:
        raise GeoJSONError("json", error=str(error)) from error
    polygons = []
    for geometry in _geometries(data):
        if geometry["type"] == "Polygon":
            rings_list = [geometry.get("coordinates")]
        else:
            rings_list = geometry.get("coordinates")
            if not isinstance(rings_list, list) or not rings_list:
                raise GeoJSONError("no_coordinates")
        for rings in rings_list:
            polygons.append(_parse_polygon(rings, len(polygons) + 1))
    if not polygons:
        raise GeoJSONError("no_polygon")
    return polygons


def _geometries(data):
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise GeoJSONError("not_geojson")
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise GeoJSONError("not_geojson")
        geometries = []
        for feature in features:
            geometries.extend(_geometries(feature))
        return geometries
    if kind == "Feature":
        return _geometries(data.get("geometry"))
    if kind == "GeometryCollection":
        geometries = []
        for geometry in data.get("geometries") or []:
            geometries.extend(_geometries(geometry))
        return geometries
    if kind not in POLYGON_TYPES:
        raise GeoJSONError("not_polygon", kind=kind)
    return [data]


def _parse_polygon(rings, number):
    if not isinstance(rings, list) or not rings:
        raise GeoJSONError("no_coordinates")
    parsed = []
    for ring_number, ring in enumerate(rings, start=1):
        if not isinstance(ring, list):
            raise GeoJSONError("no_coordinates")
        points = [_parse_position(position) for position in ring]
        if len(points) < 4:
            raise GeoJSONError("too_few_points", polygon=number, ring=ring_number, count=len(points))
        if points[0] != points[-1]:
            raise GeoJSONError("not_closed", polygon=number, ring=ring_number)
        if abs(ring_area(points)) <= 0.0:
            raise GeoJSONError("no_area", polygon=number, ring=ring_number)
        if _self_intersects(points):
            raise GeoJSONError("self_intersection", polygon=number, ring=ring_number)
        parsed.append(points)
    return parsed


def _parse_position(position):
    if (
        not isinstance(position, list)
        or len(position) < 2
        or not all(isinstance(value, int | float) and not isinstance(value, bool) for value in position[:2])
    ):
        raise GeoJSONError("bad_position", position=json.dumps(position)[:60])
    longitude, latitude = float(position[0]), float(position[1])
    if not (-180.0 <= longitude <= 180.0 and -90.0 <= latitude <= 90.0):
        raise GeoJSONError("out_of_range", position=json.dumps(position)[:60])
    return (longitude, latitude)


def ring_area(points):
    """Signed area of a closed ring on the sphere, in square metres."""
    count = len(points) - 1  # the closing point repeats the first one
    if count < 3:
        return 0.0
    total = 0.0
    for index in range(count):
        previous_lon = points[index - 1][0]
        next_lon = points[(index + 1) % count][0]
        latitude = points[index][1]
        total += (math.radians(next_lon) - math.radians(previous_lon)) * math.sin(math.radians(latitude))
    return total * EARTH_RADIUS * EARTH_RADIUS / 2.0


def area_hectares(polygons):
    """Area of the polygons (outer rings less their holes), in hectares."""
    square_metres = 0.0
    for rings in polygons:
        outer, holes = rings[0], rings[1:]
        square_metres += abs(ring_area(outer)) - sum(abs(ring_area(hole)) for hole in holes)
    return max(square_metres, 0.0) / SQUARE_METRES_PER_HECTARE


def centroid(polygons):
    """A point for the parcel: the mean of the vertices of its largest outer ring,
    as (latitude, longitude)."""
    outer = max((rings[0] for rings in polygons), key=lambda ring: abs(ring_area(ring)))
    vertices = outer[:-1]
    longitude = sum(point[0] for point in vertices) / len(vertices)
    latitude = sum(point[1] for point in vertices) / len(vertices)
    return latitude, longitude


def _orientation(a, b, c):
    value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1])
    if value > 0:
        return 1
    if value < 0:
        return -1
    return 0


def _on_segment(a, b, c):
    return min(a[0], c[0]) <= b[0] <= max(a[0], c[0]) and min(a[1], c[1]) <= b[1] <= max(a[1], c[1])


def _segments_intersect(p1, p2, q1, q2):
    o1, o2 = _orientation(p1, p2, q1), _orientation(p1, p2, q2)
    o3, o4 = _orientation(q1, q2, p1), _orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and _on_segment(p1, q1, p2))
        or (o2 == 0 and _on_segment(p1, q2, p2))
        or (o3 == 0 and _on_segment(q1, p1, q2))
        or (o4 == 0 and _on_segment(q1, p2, q2))
    )


def _self_intersects(points):
    """Whether two non-adjacent edges of the closed ring cross or touch."""
    count = len(points) - 1
    if count < 4 or count > MAX_INTERSECTION_CHECK:
        return False
    edges = sorted(
        ((min(points[i][0], points[i + 1][0]), max(points[i][0], points[i + 1][0]), i) for i in range(count)),
    )
    for position, (_start, end, i) in enumerate(edges):
        for other_start, _other_end, j in edges[position + 1 :]:
            if other_start > end:
                break
            if abs(i - j) in (1, count - 1):
                continue  # adjacent edges share a vertex
            if _segments_intersect(points[i], points[i + 1], points[j], points[j + 1]):
                return True
    return False
