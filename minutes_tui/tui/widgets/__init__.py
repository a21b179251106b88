"""The live screen's panels. Each one shows what it is given and posts messages; none changes data."""
