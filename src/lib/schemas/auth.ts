import * as v from 'valibot';

export const signIn = v.object({
	email: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Indiquez votre adresse e-mail.'),
		v.maxLength(254, 'Cette adresse e-mail est trop longue.'),
		v.email('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).')
	),
	password: v.pipe(
		v.string(),
		v.nonEmpty('Indiquez votre mot de passe.'),
		v.maxLength(1024, 'Ce mot de passe est trop long.')
	)
});

export const changePassword = v.pipe(
	v.object({
		currentPassword: v.pipe(
			v.string(),
			v.nonEmpty('Indiquez votre mot de passe actuel.'),
			v.maxLength(1024, 'Ce mot de passe est trop long.')
		),
		newPassword: v.pipe(
			v.string(),
			v.nonEmpty('Choisissez un nouveau mot de passe.'),
			v.maxLength(1024, 'Ce mot de passe est trop long.')
		),
		confirmPassword: v.string()
	}),
	v.forward(
		v.partialCheck(
			[['newPassword'], ['confirmPassword']],
			(input) => input.newPassword === input.confirmPassword,
			'Les deux nouveaux mots de passe ne sont pas identiques.'
		),
		['confirmPassword']
	)
);
