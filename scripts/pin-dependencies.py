#!/usr/bin/env python3
"""Writes Sources/Experiments/Runner/DependencyVersions.swift from Package.resolved.

Run after `swift package update`; a test (DependencyVersionsTests) fails while the two disagree.
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
pins = json.loads((root / "Package.resolved").read_text())["pins"]
entries = sorted((p["identity"], p["state"].get("version") or p["state"]["revision"]) for p in pins)
body = "\n".join(f'    "{name}": "{version}",' for name, version in entries)
(root / "Sources/Experiments/Runner/DependencyVersions.swift").write_text(
    f"""/// The Swift package versions raglab is built with, copied from Package.resolved (a test checks
/// that the two agree; after `swift package update`, run `scripts/pin-dependencies.py`).
public enum DependencyVersions {{
  /// Package identity → pinned version.
  public static let pinned: [String: String] = [
{body}
  ]
}}
"""
)
