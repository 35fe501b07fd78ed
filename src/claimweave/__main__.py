from claimweave.cli import app

app()
