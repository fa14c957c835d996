"""What every generator in tools/gen does with the file it makes: write it, or with --check say
whether the committed file is exactly what the generator writes today (exit 1 when it is not)."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def write_or_check(out, text, generator):
    """Writes `text` to `out`, or with --check compares them; returns the exit status."""
    if "--check" in sys.argv:
        with open(out, encoding="utf-8") as f:
            same = f.read() == text
        print(f"{os.path.relpath(out, ROOT)}: {'reproduced' if same else 'DIFFERS from tools/gen/' + generator}")
        return 0 if same else 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0
