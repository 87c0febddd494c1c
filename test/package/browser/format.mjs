// A Node script: the format's validator, no DOM, no server renderer.
import {validateArticle} from 'digest-elements/format';

const {value, problems} = validateArticle('{"title": "Only a title", "sections": [{"heading": "H", "blocks": [{"type": "nope"}]}]}');
console.log(JSON.stringify({title: value.title, sections: value.sections.length, problems: problems.map((p) => p.path)}));
