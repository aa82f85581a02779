/** The first typed user error of a mutation payload (ValidationError, NotFoundError, …), or a transport error. */
export interface UserErrorLike {
  message: string;
  code: string;
  field?: string | null;
}

export function firstUserError(errors: readonly ({ __typename?: string } & Partial<UserErrorLike>)[] | null | undefined): UserErrorLike | null {
  const first = errors?.find((e) => typeof e.message === 'string');
  return first ? { message: first.message!, code: first.code ?? '', field: first.field ?? null } : null;
}
