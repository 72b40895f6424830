from hrd.report.labels import act_label, subject_name, topic_label
from hrd.track.rounds import Provision


def test_labels_from_the_code_lists() -> None:
    assert topic_label("torture") == "Torture and ill-treatment"
    assert topic_label("not-a-topic") == "not-a-topic"
    assert act_label("concern") == "Expressed concern or criticised"
    assert subject_name(Provision("Criminal Code", "174")) == "Criminal Code, art. 174"
    assert subject_name(Provision("ICCPR-OP2")) == "ICCPR-OP2"
