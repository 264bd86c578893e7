"""Errors that name the file survive the trip between processes (helper and batch workers)."""
import pickle

from nianbao.errors import InputError
from nianbao.tagger.export import ModelNotReady


def test_an_input_error_pickles_with_its_file_and_problem():
    for err in (InputError("r.pdf", "corrupt PDF: it cannot be parsed"), ModelNotReady("models/x", "no tagger.json")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)
        assert (back.path, back.problem) == (err.path, err.problem)
