import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlas, type TopicEntry } from '../../../lib/atlas.ts';
import { atomFeed } from '../../../lib/feed.ts';
import { topicFeedPath, topicPath } from '../../../lib/url.ts';

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  return atlas.topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: TopicEntry }> = async ({ props, site }) => {
  const atlas = await getAtlas();
  const { topic } = props;
  return atomFeed({
    title: `Paper Atlas: ${topic.title}`,
    subtitle: topic.description,
    feedPath: topicFeedPath(topic.slug),
    pagePath: topicPath(topic.slug),
    papers: topic.members.map((slug) => atlas.paper(slug)),
    site,
  });
};
