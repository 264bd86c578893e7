"""The Label Studio loop: a local server, the labelling config from the catalogue, tasks
with the current model's predictions (push), reviewed spans back as training data (pull),
and a small model server for interactive pre-annotation.

The project environment needs only ``label-studio-sdk``; the server itself runs from its
own virtual environment (``make .venv-labelstudio/.installed``).
"""
