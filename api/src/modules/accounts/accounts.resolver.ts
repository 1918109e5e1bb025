import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { clearSessionCookie, setSessionCookie } from '../../server/session-cookie.js';
import { AccountsService } from './accounts.service.js';
import {
  ChangePasswordInput,
  GrantRoleInput,
  LoginInput,
  SignUpInput,
  UpdateProfileInput,
  UsersArgs,
} from './accounts.inputs.js';
import { AccountConnection, AuthPayload, RoleAssignmentType, ViewerType } from './accounts.types.js';

@Resolver()
export class AccountsResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in user, or null' })
  me(@Ctx() ctx: Context) {
    return new AccountsService(ctx.em).me(ctx.viewer);
  }

  @Query(() => AccountConnection, { description: 'User accounts (province admins)' })
  users(@Args(() => UsersArgs) { first, after, search }: UsersArgs, @Ctx() ctx: Context) {
    return new AccountsService(ctx.em).listUsers(first, after, search);
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account and signs in' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    const { user, session, change } = await new AccountsService(ctx.em).signUp(input, ctx.config.sessionDays);
    ctx.audit = change;
    setSessionCookie(ctx.res, session.token, session.expiresAt, ctx.config.cookieSecure);
    return { token: session.token, viewer: user };
  }

  @Mutation(() => AuthPayload)
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    const { user, session, change } = await new AccountsService(ctx.em).login(
      input.email,
      input.password,
      ctx.ip,
      ctx.loginThrottle,
      ctx.config.sessionDays,
    );
    ctx.audit = change;
    setSessionCookie(ctx.res, session.token, session.expiresAt, ctx.config.cookieSecure);
    return { token: session.token, viewer: user };
  }

  @Mutation(() => Boolean, { description: 'Ends the current session' })
  async logout(@Ctx() ctx: Context) {
    ctx.audit = await new AccountsService(ctx.em).logout(ctx.viewer!);
    clearSessionCookie(ctx.res, ctx.config.cookieSecure);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes the password and ends every other session' })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: Context) {
    ctx.audit = await new AccountsService(ctx.em).changePassword(ctx.viewer!, input);
    return true;
  }

  @Mutation(() => ViewerType)
  async updateProfile(@Arg('input', () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() ctx: Context) {
    const { result, change } = await new AccountsService(ctx.em).updateProfile(ctx.viewer!, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => RoleAssignmentType, { description: 'Grants a role in a scope (province admins)' })
  async grantRole(@Arg('input', () => GrantRoleInput) input: GrantRoleInput, @Ctx() ctx: Context) {
    const { result, change } = await new AccountsService(ctx.em).grantRole(input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => Boolean)
  async revokeRole(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    ctx.audit = await new AccountsService(ctx.em).revokeRole(id);
    return true;
  }
}
