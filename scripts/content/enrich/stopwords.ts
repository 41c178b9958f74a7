/** Words for tf-idf and key phrases: what a word is, and the lists of words they leave out. */

/** A word: letters and digits, with an apostrophe's tail ("model's"); a hyphen or slash ends it. */
export const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const words = (list: string) => list.split(/\s+/).filter(Boolean);

const FUNCTION_WORDS =
  words(`a about above across after again against all almost along already also although always am among an and
another any are around as at be because been before being below between both but by can cannot could did do does doing
done down due during each either else enough especially etc even ever every few for from further had has have having he
her here hers him his how however i if in into is it its itself just least less let like made mainly make makes many may
me might more most mostly much must my neither no nor not now of off often on once one only onto or other others
otherwise our ours out over own per perhaps rather same several shall she should since so some still such than that the
their theirs them themselves then there therefore these they this those though through thus to too toward towards under
until up upon us very via was we well were what whatever when where whether which while who whom whose why will with
within without would yet you your`);

const BOILERPLATE =
  words(`abstract achieve achieved achieves achieving address addresses additionally allow allows approach
approaches based better called able first furthermore given high highly introduce introduced introduces key large making
method methods moreover new novel paper present presented presents propose proposed proposes provide provides recent
recently respectively result results second show showed shown shows significant significantly study studies three two
use used uses using various work works demonstrate demonstrates demonstrated including include includes specifically
across compared existing different approximately among leverage leverages leveraging e g i e et al vs within whereas
toward often find found`);

/** Words that say nothing about what a paper is about: tf-idf leaves them out, and "state of the art" too. */
export const STOPWORDS = new Set([...FUNCTION_WORDS, ...BOILERPLATE, 'state', 'art']);

/** Words a key phrase never starts or ends with; "state" is not one, so "state space models" stays whole. */
export const PHRASE_STOPWORDS = new Set([...FUNCTION_WORDS, ...BOILERPLATE]);

/**
 * Words of every field of science: a key phrase made only of these ("baseline models", "AI",
 * "state-of-the-art performance") ranks below one that names something.
 */
export const GENERIC_WORDS = new Set(
  words(`ability abilities accuracy action actions advance advances advancement advancements agent agents ai aim aims
algorithm algorithms analysis application applications approach architecture architectures area areas art article aspect
aspects baseline baselines behavior behaviour benchmark benchmarks broad capability capabilities capacity case cases
challenge challenges characteristic characteristics community component components computation computational concept
concepts connection connections context cost costs current data dataset datasets design designs development direction
directions domain domains effect effects effectiveness efficiency efficient end environment environments evaluation
evidence example examples experiment experiments expert experts extensive factor factors feature features field fields
finding findings framework frameworks function functions future gap general generation goal goals human humans idea ideas
impact implementation improvement improvements information input inputs insight insights interaction interactions
investigation issue issues kind level levels limitation limitations literature mechanism mechanisms model models modeling
modelling module modules need needs network networks number objective objectives order outcome outcomes output outputs
overview paradigm paradigms part parts path performance perspective perspectives point potential power powerful practice
principle principles problem problems process processes progress property properties purpose quality question questions
range reason reasons research researchers review role roles rule rules scale scenario scenarios scope set setting settings
side size solution solutions source sources state step steps strategy strategies structure structures subject subjects
survey system systems task tasks technique techniques technology technologies term terms theory time tool tools topic
training type types understanding use value values variety way ways wide`),
);
