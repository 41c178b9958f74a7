/** Words that say nothing about what a paper is about: English function words and abstract boilerplate. */
export const STOPWORDS = new Set(
  `a about above across after again against all almost along already also although always am among an and another any
are around as at be because been before being below between both but by can cannot could did do does doing done down
due during each either else enough especially etc even ever every few for from further had has have having he her here
hers him his how however i if in into is it its itself just least less let like made mainly make makes many may me
might more most mostly much must my neither no nor not now of off often on once one only onto or other others otherwise
our ours out over own per perhaps rather same several shall she should since so some still such than that the their
theirs them themselves then there therefore these they this those though through thus to too toward towards under
until up upon us very via was we well were what whatever when where whether which while who whom whose why will with
within without would yet you your
abstract achieve achieved achieves achieving address addresses additionally allow allows approach approaches based
better called able first furthermore given high highly introduce introduced introduces key large making method
methods moreover new novel paper present presented presents propose proposed proposes provide provides recent
recently respectively result results second show showed shown shows significant significantly state art study
studies three two use used uses using various work works demonstrate demonstrates demonstrated including include
includes specifically across compared existing different approximately among leverage leverages leveraging e g i e
et al vs within whereas toward often find found`
    .split(/\s+/)
    .filter(Boolean),
);
