import { graphql } from '../../../gql';


export const AreasAdminQuery = graphql(`
  query AreasAdmin {
    areas {
      id
      name
      slug
      archived
      children {
        id
        name
        slug
        archived
        children {
          id
          name
          slug
          archived
          children {
            id
            name
            slug
            archived
          }
        }
      }
    }
  }
`);

export const PolicyOfArea = graphql(`
  query PolicyOfArea($area: ID) {
    policyInForce(area: $area) {
      ...PolicyPanel
    }
  }
`);

export const RenameArea = graphql(`
  mutation RenameArea($area: ID!, $name: String!) {
    renameArea(input: { area: $area, name: $name }) {
      area {
        id
        name
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const MoveArea = graphql(`
  mutation MoveArea($area: ID!, $parent: ID!) {
    moveArea(input: { area: $area, parent: $parent }) {
      area {
        id
        parent {
          id
        }
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const ArchiveArea = graphql(`
  mutation ArchiveArea($area: ID!, $archived: Boolean!) {
    archiveArea(input: { area: $area, archived: $archived }) {
      area {
        id
        archived
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const CreateArea = graphql(`
  mutation CreateAreaAdmin($slug: String!, $name: String!, $parent: ID) {
    createArea(input: { slug: $slug, name: $name, parent: $parent }) {
      area {
        id
        name
      }
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

export const SetPolicyValues = graphql(`
  mutation SetPolicyValues($area: ID, $values: PolicyValuesInput, $inherit: [String!]) {
    setPolicy(input: { area: $area, values: $values, inherit: $inherit }) {
      version
      errors {
        __typename
        ...UserErrorFields
      }
    }
  }
`);
