import { isolate } from '../../components/isolate';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { PolicyPanel } from './PolicyPanel';

const AreaQuery = graphql(`
  query AreaPage($id: ID!) {
    area(id: $id) {
      id
      name
      description
      parent {
        id
        name
      }
      children {
        id
        name
      }
      policy {
        ...PolicyPanel
      }
    }
  }
`);

/** /areas/:id: an area, where it sits in the tree, and the rules for proposals opened in it. */
export function AreaPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: AreaQuery, variables: { id } });
  if (!data) {
    if (error) return <p role="alert">{t.power.loadFailed(error.message)}</p>;
    return fetching ? <p className="loading">{t.loading}</p> : null;
  }
  const area = data.area;
  if (!area) {
    return (
      <>
        <PageHeading>{t.notFound.title}</PageHeading>
        <p>{t.area.notFound}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{isolate(area.name)}</PageHeading>
      {area.parent ? (
        <p>
          <Link href={`/areas/${encodeURIComponent(area.parent.id)}`}>{t.area.parent(area.parent.name)}</Link>
        </p>
      ) : null}
      {area.description ? <p className="lead">{area.description}</p> : null}
      {area.children.length > 0 ? (
        <section className="panel" aria-labelledby="children-heading">
          <h2 id="children-heading">{t.area.children}</h2>
          <ul>
            {area.children.map((child) => (
              <li key={child.id}>
                <Link href={`/areas/${encodeURIComponent(child.id)}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PolicyPanel policy={area.policy} lead={t.rules.forArea(isolate(area.name))} />
    </>
  );
}
