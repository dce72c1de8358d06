import { signInUrl } from '../api/people'
import { useI18n } from '../i18n/I18nProvider'
import { useSignIn } from './useSignIn'

/** On the start page of a server with sign-in: who is signed in, or a button to sign in. */
export function SignInStatus() {
  const { t } = useI18n()
  const { me, logout } = useSignIn()
  if (!me?.signIn) return null
  if (!me.user) {
    return (
      <a className="sign-in" href={signInUrl('/')}>
        {t('people.signIn')}
      </a>
    )
  }
  return (
    <span className="sign-in">
      {t('people.signedInAs', { name: me.user.name })}{' '}
      <button type="button" onClick={() => void logout()}>
        {t('people.signOut')}
      </button>
    </span>
  )
}
