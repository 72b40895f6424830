from hrd.codes import act_codes, acts, topic_codes, topics


def test_code_lists_load_from_package_data() -> None:
    assert "torture" in topic_codes()
    assert "individual-cases" in topic_codes()
    assert {"welcome", "concern", "call", "discuss"} <= act_codes()
    assert len(topics()) == len(topic_codes())


def test_every_act_has_a_cameo_code() -> None:
    assert all(a.cameo.isdigit() and len(a.cameo) == 3 for a in acts())
